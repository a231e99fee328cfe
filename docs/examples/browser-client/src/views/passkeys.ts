// Passkeys (WebAuthn): registered while signed in, listed and removed in the profile, and a sign-in without a
// password. The browser's navigator.credentials is called through @simplewebauthn/browser, loaded on first use.
import { setUser } from "../account-state";
import { execute, executeSignedIn, session, type Answer } from "../api";
import { graphql } from "../gql";
import { element, input, onClick, run } from "../page";

const StartPasskeyRegistrationMutation = graphql(`mutation StartPasskeyRegistration { startPasskeyRegistration { optionsJson expiresInSeconds } }`);
const FinishPasskeyRegistrationMutation = graphql(`mutation FinishPasskeyRegistration($response: String!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt } }`);
const PasskeysQuery = graphql(`query Passkeys { profile { passkeys { id name createdAt lastUsedAt } } }`);
const RemovePasskeyMutation = graphql(`mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }`);
const StartPasskeyLoginMutation = graphql(`mutation StartPasskeyLogin { startPasskeyLogin { requestId optionsJson expiresInSeconds } }`);
const FinishPasskeyLoginMutation = graphql(`mutation FinishPasskeyLogin($requestId: String!, $response: String!) { finishPasskeyLogin(requestId: $requestId, response: $response) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }`);

interface PasskeyRow { id: string; name: string; createdAt: string; lastUsedAt?: string | null }

/** A refusal of the browser (the user cancelled, no authenticator, a wrong origin) shown as the gateway's are. */
function browserRefused(failure: unknown): Answer<never> {
  const error = failure instanceof Error ? failure : new Error(String(failure));
  return { errors: [{ message: `${error.name}: ${error.message}`, extensions: { code: "WEBAUTHN_REFUSED" } }] };
}

const webauthn = () => import("@simplewebauthn/browser");

async function listPasskeys(): Promise<Answer<unknown>> {
  const body = await executeSignedIn(PasskeysQuery, {});
  showPasskeys(body.data?.profile.passkeys ?? null);
  return body;
}

/** The list as text in table cells (a name is the user's, never markup), each row with its remove button. */
function showPasskeys(passkeys: readonly PasskeyRow[] | null): void {
  const rows = (passkeys ?? []).map((passkey) => {
    const row = document.createElement("tr");
    row.dataset.id = passkey.id;
    for (const text of [passkey.name, passkey.createdAt, passkey.lastUsedAt ?? "never"]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "passkey-remove";
    remove.textContent = "Remove";
    remove.addEventListener("click", () => run("Passkey removed", async () => {
      const body = await executeSignedIn(RemovePasskeyMutation, { id: passkey.id });
      if (body.data?.removePasskey) row.remove();
      return body;
    }, element("passkeys-status", HTMLElement)));
    const cell = document.createElement("td");
    cell.append(remove);
    row.append(cell);
    return row;
  });
  element("passkeys-list", HTMLTableSectionElement).replaceChildren(...rows);
  element("passkeys-empty", HTMLElement).hidden = passkeys === null || passkeys.length > 0;
}

export function bindPasskeys(): void {
  onClick("passkey-register", "Passkey registered", async () => {
    const started = await executeSignedIn(StartPasskeyRegistrationMutation, {});
    if (!started.data) return started;
    let response: string;
    try {
      const { startRegistration } = await webauthn();
      const result = await startRegistration({ optionsJSON: JSON.parse(started.data.startPasskeyRegistration.optionsJson) });
      response = JSON.stringify(result);
    } catch (failure) {
      return browserRefused(failure);
    }
    const name = input("passkey-name").value.trim();
    const body = await executeSignedIn(FinishPasskeyRegistrationMutation, { response, name: name === "" ? null : name });
    if (body.data) await listPasskeys();
    return body;
  }, "passkeys-status");

  onClick("passkeys-list-button", "Passkeys", listPasskeys, "passkeys-status");

  // No login name: the browser offers the site's discoverable passkeys and the one picked says whose account it is.
  onClick("passkey-login", "Signed in with a passkey", async () => {
    const started = await execute(StartPasskeyLoginMutation, {});
    if (!started.data) return started;
    let response: string;
    try {
      const { startAuthentication } = await webauthn();
      const result = await startAuthentication({ optionsJSON: JSON.parse(started.data.startPasskeyLogin.optionsJson) });
      response = JSON.stringify(result);
    } catch (failure) {
      return browserRefused(failure);
    }
    const body = await execute(FinishPasskeyLoginMutation, { requestId: started.data.startPasskeyLogin.requestId, response });
    if (body.data) {
      session.accessToken = body.data.finishPasskeyLogin.accessToken;
      setUser(body.data.finishPasskeyLogin.user);
    }
    return body;
  }, "account-status");
}
