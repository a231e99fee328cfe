// The address's verification: the view the mailed link opens (verify-email), and a new link for a signed-in user.
import { changeUser } from "../account-state";
import { errorCode, execute, executeSignedIn } from "../api";
import { graphql } from "../gql";
import { accountPageUrl, element, onClick, run, takeLinkToken } from "../page";

const VerifyEmailMutation = graphql(`mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }`);
const ResendVerificationMutation = graphql(`mutation ResendVerification { resendVerification }`);

/** In the account view: mails a new link (earlier ones stop working); false: already verified, nothing sent. */
export function bindResendVerification(): void {
  onClick("resend-verification", "Verification link requested", async () => {
    const body = await executeSignedIn(ResendVerificationMutation, {});
    const sent = body.data?.resendVerification;
    if (sent === false) changeUser({ emailVerified: true });
    element("resend-message", HTMLElement).textContent = sent === undefined ? ""
      : sent ? "A new link was sent to the account's address; earlier links no longer work."
        : "The address is already verified: nothing was sent.";
    return body;
  }, "email-status");
}

/** The view of <base>/verify-email#token=…: confirms the address at once. */
export function verifyEmailView(): void {
  element("verify-back", HTMLAnchorElement).href = accountPageUrl();
  const token = takeLinkToken();
  const message = element("verify-message", HTMLElement);
  if (token === null) {
    message.textContent = "Open this page from the link in the verification mail: it carries the token (#token=…).";
    return;
  }
  void run("Email verified", async () => {
    const body = await execute(VerifyEmailMutation, { token });
    message.textContent = body.data?.verifyEmail ? "Your email address is confirmed."
      : errorCode(body) === "INVALID_TOKEN"
        ? "This link is spent, expired or wrong. Log in and press \"Resend verification link\" for a new one."
        : "The address could not be confirmed now; try the link again later.";
    return body;
  }, element("verify-status", HTMLElement));
}
