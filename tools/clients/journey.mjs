// One frontend journey, the same for every client: the happy path a UI walks, then each error a UI must handle,
// asserting that the client surfaces the gateway's typed code where that client's users look for it.
import assert from 'node:assert/strict';
import { LOGIN, LOGOUT, PROFILE, REFRESH_TOKEN, SIGNUP, UPDATE_PROFILE } from './operations.mjs';

const PASSWORD = 'correct horse battery staple';
const WRONG_PASSWORD = 'not the password at all';
const LOCKOUT_AFTER = 5; // app.attempt-limits.login-failures-per-account

/**
 * Runs the journey with one client (a module with name, createClient and graphQLError) as `username`, printing
 * one line per step; throws on the first step that fails, naming it.
 */
export async function runJourney(client, url, username) {
  const session = { accessToken: null };
  const api = client.createClient(url, () => session.accessToken);
  const email = `${username}@example.com`;
  let refreshToken;
  let steps = 0;

  const step = async (title, body) => {
    try {
      const detail = await body();
      steps++;
      console.log(`${client.name}: ${title}: ok${detail ? ` (${detail})` : ''}`);
    } catch (error) {
      throw new Error(`${client.name}: ${title}: ${describe(error)}`, { cause: error });
    }
  };
  const refused = async (operation, expectedCode) => {
    const error = await operation().then(
      (data) => assert.fail(`expected ${expectedCode}, got data ${JSON.stringify(data)}`),
      (thrown) => thrown);
    const graphQLError = client.graphQLError(error);
    assert.equal(graphQLError?.extensions?.code, expectedCode, `extensions of ${JSON.stringify(graphQLError)}`);
    return graphQLError;
  };
  // What the error table asks of a UI for UNAVAILABLE: retry with backoff. Only reads are retried here (a refresh
  // token is single use); a cold cache-service can miss its first read deadlines on a busy machine.
  const readProfile = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await api.query(PROFILE)).profile;
      } catch (error) {
        if (attempt === 3 || codeOf(client, error) !== 'UNAVAILABLE') {
          throw error;
        }
        console.log(`${client.name}: profile answered UNAVAILABLE; retrying in ${attempt * 500} ms`);
        await new Promise((resolve) => setTimeout(resolve, attempt * 500));
      }
    }
  };
  const signupInput = (overrides) => ({
    input: { username, email, password: PASSWORD, displayName: `Ada ${username}`, ...overrides },
  });

  await step('signup', async () => {
    const { signup } = await api.mutate(SIGNUP, signupInput());
    assert.equal(signup.user.username, username);
    assert.equal(signup.tokenType, 'Bearer');
    session.accessToken = signup.accessToken;
    return `user ${signup.user.id}`;
  });
  await step('login', async () => {
    const { login } = await api.mutate(LOGIN, { input: { login: email.toUpperCase(), password: PASSWORD } });
    assert.equal(login.user.username, username);
    assert.ok(login.expiresIn > 0, `expiresIn ${login.expiresIn}`);
    session.accessToken = login.accessToken;
    refreshToken = login.refreshToken;
    assert.ok(refreshToken, 'no refreshToken in the login answer: this gateway keeps it in an HttpOnly cookie '
      + '(app.sessions.refresh-cookie.enabled, on in ops/stack up\'s dev profile), which a Node client without a '
      + 'cookie jar cannot spend; run the journeys against a gateway with it off (docs/frontends.md)');
  });
  await step('profile', async () => {
    const profile = await readProfile();
    assert.equal(profile.username, username);
    assert.equal(profile.email, email);
  });
  await step('updateProfile', async () => {
    const { updateProfile } = await api.mutate(UPDATE_PROFILE, { input: { displayName: 'Ada Lovelace' } });
    assert.equal(updateProfile.displayName, 'Ada Lovelace');
    const profile = await readProfile();
    assert.equal(profile.displayName, 'Ada Lovelace', 'the profile read after the update');
  });
  await step('refreshToken', async () => {
    const { refreshToken: refreshed } = await api.mutate(REFRESH_TOKEN, { token: refreshToken });
    assert.notEqual(refreshed.refreshToken, refreshToken, 'refresh tokens rotate');
    session.accessToken = refreshed.accessToken;
    const profile = await readProfile();
    assert.equal(profile.username, username, 'the profile read with the refreshed access token');
  });
  await step('logout', async () => {
    const { logout } = await api.mutate(LOGOUT);
    assert.equal(logout, true);
  });
  await step('profile after logout: UNAUTHENTICATED', async () => {
    await refused(() => api.query(PROFILE), 'UNAUTHENTICATED');
    session.accessToken = null;
  });
  await step('signup with a short password: BAD_USER_INPUT', async () => {
    const error = await refused(() => api.mutate(SIGNUP, signupInput({
      username: `${username}x`, email: `x${email}`, password: 'short',
    })), 'BAD_USER_INPUT');
    assert.equal(error.extensions.field, 'password');
    return `field ${error.extensions.field}`;
  });
  await step('signup with a taken username: CONFLICT', async () => {
    const error = await refused(() => api.mutate(SIGNUP, signupInput({ email: `other.${email}` })), 'CONFLICT');
    assert.equal(error.extensions.field, 'username');
    return `field ${error.extensions.field}`;
  });
  await step('login with a wrong password: INVALID_CREDENTIALS', async () => {
    await refused(() => api.mutate(LOGIN, { input: { login: username, password: WRONG_PASSWORD } }),
        'INVALID_CREDENTIALS');
  });
  await step(`login after ${LOCKOUT_AFTER} failures: RATE_LIMITED`, async () => {
    for (let failure = 2; failure <= LOCKOUT_AFTER; failure++) {
      await refused(() => api.mutate(LOGIN, { input: { login: username, password: WRONG_PASSWORD } }),
          'INVALID_CREDENTIALS');
    }
    const error = await refused(() => api.mutate(LOGIN, { input: { login: username, password: PASSWORD } }),
        'RATE_LIMITED');
    const retryAfter = error.extensions.retryAfterSeconds;
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `retryAfterSeconds ${retryAfter}`);
    return `retryAfterSeconds ${retryAfter}, even with the right password`;
  });
  console.log(`${client.name}: journey completed (${steps} steps)`);
}

function codeOf(client, error) {
  try {
    return client.graphQLError(error)?.extensions?.code;
  } catch {
    return undefined; // not a GraphQL error (a network failure, say)
  }
}

function describe(error) {
  const errors = error?.errors ?? error?.graphQLErrors ?? error?.response?.errors;
  if (!errors?.length) {
    return `${error?.message ?? error}${error?.cause?.message ? `: ${error.cause.message}` : ''}`;
  }
  const codes = errors.map((e) => e.extensions?.code);
  const hint = codes.includes('RATE_LIMITED') ? ' (each run fails 15 logins from this address, and the gateway allows '
      + '50 per address per 15 minutes by default: wait, or use a gateway with fresh counters)' : '';
  return `${error.message} [codes: ${codes.join(', ')}]${hint}`;
}
