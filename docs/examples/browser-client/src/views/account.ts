// Signup, login (and its second step when the account has a second factor), profile, refresh and logout.
import { setUser, type AccountUser } from "../account-state";
import { execute, executeSignedIn, session } from "../api";
import { graphql } from "../gql";
import { element, input, onClick } from "../page";
import { accountWords, attachStrengthMeter } from "../strength";

const SignupMutation = graphql(`mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }`);
const LoginMutation = graphql(`mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }`);
const VerifySecondFactorMutation = graphql(`mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }`);
const ProfileQuery = graphql(`query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }`);
const RefreshMutation = graphql(`mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }`);
const LogoutMutation = graphql(`mutation Logout { logout }`);

/** login's MFA_REQUIRED challenge, the credential of the second step: in memory only, never in storage. */
let challenge: string | null = null;

function signedIn(payload: { accessToken: string; user: AccountUser } | undefined): void {
  if (!payload) return;
  session.accessToken = payload.accessToken;
  setUser(payload.user);
}

/** Shows the code prompt for a challenge, or hides it (null: no second step is pending). */
function askForSecondFactor(pending: string | null, expiresInSeconds?: number): void {
  challenge = pending;
  element("mfa", HTMLFormElement).hidden = pending === null;
  input("mfa-code").value = "";
  if (pending !== null) {
    element("mfa-expiry", HTMLElement).textContent = expiresInSeconds === undefined ? ""
      : ` The password step stays valid for ${Math.round(expiresInSeconds / 60)} minutes.`;
    input("mfa-code").focus();
  }
}

export function bindAccount(params: URLSearchParams): void {
  input("username").value = params.get("username") ?? "ada";
  input("email").value = `${input("username").value}@example.com`;
  input("display-name").value = params.get("displayName") ?? input("username").value;
  input("password").value = "correct horse battery staple";
  attachStrengthMeter("password", "signup-strength",
    () => accountWords(input("username").value, input("email").value, input("display-name").value),
    ["username", "email", "display-name"]);

  onClick("signup", "Signed up", async () => {
    const body = await execute(SignupMutation, {
      input: { username: input("username").value, email: input("email").value,
               password: input("password").value, displayName: input("display-name").value },
    });
    signedIn(body.data?.signup);
    return body;
  }, "account-status");

  onClick("login", "Logged in", async () => {
    const body = await execute(LoginMutation, {
      input: { login: input("username").value, password: input("password").value },
    });
    const refused = body.errors?.[0]?.extensions;
    askForSecondFactor(refused?.code === "MFA_REQUIRED" ? refused.challenge ?? null : null,
      refused?.challengeExpiresInSeconds);
    signedIn(body.data?.login);
    return body;
  }, "account-status");

  onClick("mfa-verify", "Signed in with a second factor", async () => {
    const body = await execute(VerifySecondFactorMutation, { challenge: challenge ?? "", code: input("mfa-code").value });
    const code = body.errors?.[0]?.extensions?.code;
    // INVALID_CREDENTIALS (a wrong or used code) and RATE_LIMITED keep the prompt; UNAUTHENTICATED means the
    // challenge expired, was used or burnt by wrong codes: back to the password step.
    if (body.data || code === "UNAUTHENTICATED") askForSecondFactor(null);
    signedIn(body.data?.verifySecondFactor);
    return body;
  }, "account-status");

  onClick("profile", "Profile", async () => {
    const body = await executeSignedIn(ProfileQuery, {});
    if (body.data) setUser(body.data.profile);
    return body;
  }, "account-status");

  // No token argument: the browser sends the refresh cookie, and the answer sets the next one.
  onClick("refresh", "Refreshed", async () => {
    const body = await execute(RefreshMutation, {});
    signedIn(body.data?.refreshToken);
    return body;
  }, "account-status");

  onClick("logout", "Logged out", async () => {
    const body = await executeSignedIn(LogoutMutation, {});
    if (body.data?.logout) {
      session.accessToken = null;
      setUser(null);
    }
    return body;
  }, "account-status");
}
