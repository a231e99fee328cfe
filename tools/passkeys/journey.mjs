// The passkey journey a frontend walks, run in the page (browser.mjs bundles it with @simplewebauthn/browser): every
// GraphQL call a cross-origin fetch to the gateway, every WebAuthn call the browser's navigator.credentials, answered
// by Chromium's virtual authenticator. One console line per step; throws on the first step that fails, naming it.
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';

const PASSWORD = 'correct horse battery staple';
const PASSKEY_NAME = 'Chromium virtual authenticator';

export async function runPasskeyJourney(url, username) {
  let steps = 0;
  let accessToken = null;
  const step = async (title, body) => {
    let detail;
    try {
      detail = await body();
    } catch (error) {
      throw new Error(`passkeys: ${title}: ${error.message}`, { cause: error });
    }
    steps++;
    console.log(`passkeys: ${title}: ok${detail ? ` (${detail})` : ''}`);
  };
  const call = async (query, variables = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const data = async (query, variables) => {
    const answer = await call(query, variables);
    if (answer.errors) {
      throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  };
  const refused = async (query, variables, code) => {
    const answer = await call(query, variables);
    const actual = answer.errors?.[0]?.extensions?.code;
    if (actual !== code) {
      throw new Error(`expected ${code}, got ${JSON.stringify(answer)}`);
    }
    return code;
  };
  const check = (condition, message) => {
    if (!condition) {
      throw new Error(message);
    }
  };
  const listPasskeys = async () => (await data('query { profile { id passkeys { id name createdAt lastUsedAt } } }'))
      .profile.passkeys;
  const passkeyLogin = async () => {
    const { startPasskeyLogin } = await data('mutation { startPasskeyLogin { requestId optionsJson expiresInSeconds } }');
    const assertion = await startAuthentication({ optionsJSON: JSON.parse(startPasskeyLogin.optionsJson) });
    return { requestId: startPasskeyLogin.requestId, response: JSON.stringify(assertion) };
  };
  const FINISH_LOGIN = 'mutation($r: String!, $p: String!) { finishPasskeyLogin(requestId: $r, response: $p) '
      + '{ accessToken tokenType user { id username } } }';

  let userId;
  let passkeyId;
  await step('signup', async () => {
    const { signup } = await data('mutation($input: SignupInput!) { signup(input: $input) { accessToken user { id } } }',
        { input: { username, email: `${username}@example.com`, password: PASSWORD, displayName: `Pat ${username}` } });
    accessToken = signup.accessToken;
    userId = signup.user.id;
  });

  await step('register a passkey (navigator.credentials.create)', async () => {
    const { startPasskeyRegistration } = await data(
        'mutation { startPasskeyRegistration { optionsJson expiresInSeconds } }');
    const options = JSON.parse(startPasskeyRegistration.optionsJson);
    check(options.authenticatorSelection.residentKey === 'required', 'a discoverable credential is asked for');
    check(options.authenticatorSelection.userVerification === 'required', 'user verification is required');
    const credential = await startRegistration({ optionsJSON: options });
    const { finishPasskeyRegistration } = await data(
        'mutation($p: String!, $n: String) { finishPasskeyRegistration(response: $p, name: $n) { id name lastUsedAt } }',
        { p: JSON.stringify(credential), n: PASSKEY_NAME });
    check(finishPasskeyRegistration.name === PASSKEY_NAME, `name ${finishPasskeyRegistration.name}`);
    check(finishPasskeyRegistration.lastUsedAt === null, 'not used yet');
    passkeyId = finishPasskeyRegistration.id;
    return `rpId ${options.rp.id}, transports ${credential.response.transports?.join(',')}`;
  });

  await step('the profile lists it', async () => {
    const passkeys = await listPasskeys();
    check(passkeys.length === 1 && passkeys[0].id === passkeyId && passkeys[0].name === PASSKEY_NAME,
        JSON.stringify(passkeys));
  });

  await step('logout', async () => {
    check((await data('mutation { logout }')).logout === true, 'logout answered true');
    accessToken = null;
  });

  await step('sign in with the passkey, no login name (discoverable credential)', async () => {
    const { requestId, response } = await passkeyLogin();
    const { finishPasskeyLogin } = await data(FINISH_LOGIN, { r: requestId, p: response });
    check(finishPasskeyLogin.user.username === username && finishPasskeyLogin.user.id === userId,
        `signed in as ${JSON.stringify(finishPasskeyLogin.user)}`);
    check(finishPasskeyLogin.tokenType === 'Bearer', 'a bearer token, no MFA_REQUIRED');
    accessToken = finishPasskeyLogin.accessToken;
    return `a used request id is refused: ${await refused(FINISH_LOGIN, { r: requestId, p: response },
        'UNAUTHENTICATED')}`;
  });

  await step('the profile works with the new session and shows the passkey used', async () => {
    const passkeys = await listPasskeys();
    check(passkeys.length === 1 && passkeys[0].lastUsedAt !== null, JSON.stringify(passkeys));
  });

  await step('remove the passkey', async () => {
    check((await data('mutation($id: ID!) { removePasskey(id: $id) }', { id: passkeyId })).removePasskey === true,
        'removed');
    check((await listPasskeys()).length === 0, 'the list is empty');
  });

  await step('sign in with the removed passkey: INVALID_CREDENTIALS', async () => {
    accessToken = null;
    // The authenticator still holds the key; the gateway no longer knows it.
    const { requestId, response } = await passkeyLogin();
    return refused(FINISH_LOGIN, { r: requestId, p: response }, 'INVALID_CREDENTIALS');
  });

  console.log(`passkeys: journey completed (${steps} steps)`);
}
