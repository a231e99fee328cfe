// Passwords: forgotten (a mailed link), reset from that link (the reset-password view), changed while signed in.
import { signedInUser } from "../account-state";
import { errorCode, execute, executeSignedIn } from "../api";
import { graphql } from "../gql";
import { accountPageUrl, element, input, onClick, takeLinkToken } from "../page";
import { accountWords, attachStrengthMeter } from "../strength";

const RequestPasswordResetMutation = graphql(`mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }`);
const ResetPasswordMutation = graphql(`mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }`);
const ChangePasswordMutation = graphql(`mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }`);

/** In the account view: the forgotten-password form and the change of a signed-in user's password. */
export function bindPasswords(): void {
  // Always true whatever the address (the answer does not tell whether an account uses it): so is the message.
  onClick("forgot", "Reset link requested", async () => {
    const body = await execute(RequestPasswordResetMutation, { email: input("forgot-email").value });
    element("forgot-message", HTMLElement).hidden = body.data?.requestPasswordReset !== true;
    return body;
  }, "forgot-status");

  attachStrengthMeter("change-new-password", "change-strength", () => {
    const user = signedInUser();
    return user ? accountWords(user.username, user.email, user.displayName) : [];
  });
  onClick("change-password", "Password changed", () => executeSignedIn(ChangePasswordMutation, {
    input: { currentPassword: input("change-current-password").value,
             newPassword: input("change-new-password").value },
  }), "change-status");
}

/** The view of <base>/reset-password#token=…: a new password for the account the link was mailed for. */
export function resetPasswordView(): void {
  element("reset-back", HTMLAnchorElement).href = accountPageUrl();
  const token = takeLinkToken();
  const message = element("reset-message", HTMLElement);
  // The page knows only the token, not the account: the meter counts no account words, the gateway does.
  attachStrengthMeter("reset-new-password", "reset-strength", () => []);
  if (token === null) {
    message.textContent = "Open this page from the link in the reset mail: it carries the token (#token=…).";
    element("reset", HTMLButtonElement).disabled = true;
    return;
  }
  onClick("reset", "Password reset", async () => {
    const body = await execute(ResetPasswordMutation, {
      input: { token, newPassword: input("reset-new-password").value },
    });
    const code = errorCode(body);
    message.textContent = body.data?.resetPassword
      ? "Your password is changed, and every session of the account has ended: log in with the new password."
      : code === "INVALID_TOKEN" ? "This link is spent, expired or wrong: ask for a new one with \"Forgot password\"."
        : code === "BAD_USER_INPUT" ? "The gateway refused this password; the link still works: choose another."
          : "";
    return body;
  }, "reset-status");
}
