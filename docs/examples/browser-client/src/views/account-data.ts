// The account's data: its export as JSON (shown and offered as a download), a change of address confirmed from a
// link mailed to the new one (the confirm-email-change view), and the deletion of the account.
import { setUser } from "../account-state";
import { errorCode, execute, executeSignedIn, session } from "../api";
import { graphql } from "../gql";
import { accountPageUrl, element, input, onClick, run, takeLinkToken } from "../page";

const ExportAccountQuery = graphql(`query ExportAccount { exportAccount }`);
const RequestEmailChangeMutation = graphql(`mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }`);
const ConfirmEmailChangeMutation = graphql(`mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) }`);
const DeleteAccountMutation = graphql(`mutation DeleteAccount($currentPassword: String!, $code: String) { deleteAccount(currentPassword: $currentPassword, code: $code) }`);

let downloadUrl: string | null = null;

/** The export as text, and a link that saves it as a file (an object URL of a Blob, released on the next export). */
function showExport(json: string | null): void {
  element("export-json", HTMLElement).textContent = json ?? "";
  const link = element("export-download", HTMLAnchorElement);
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = json === null ? null : URL.createObjectURL(new Blob([json], { type: "application/json" }));
  if (downloadUrl) link.href = downloadUrl;
  else link.removeAttribute("href");
  link.hidden = downloadUrl === null;
}

export function bindAccountData(): void {
  onClick("export-account", "Account exported", async () => {
    const body = await executeSignedIn(ExportAccountQuery, {});
    // Pretty-printed for reading; the download holds the same document.
    showExport(body.data ? JSON.stringify(JSON.parse(body.data.exportAccount), null, 2) : null);
    return body;
  }, "export-status");

  onClick("request-email-change", "Email change requested", async () => {
    const body = await executeSignedIn(RequestEmailChangeMutation, {
      newEmail: input("new-email").value, currentPassword: input("email-change-password").value,
    });
    element("email-change-message", HTMLElement).hidden = body.data?.requestEmailChange !== true;
    input("email-change-password").value = "";
    return body;
  }, "email-change-status");

  onClick("delete-account", "Account deleted", async () => {
    // Not undone: the page asks once more before sending.
    if (!window.confirm("Delete this account and everything kept for it? This cannot be undone.")) {
      return { errors: [{ message: "Not deleted: the confirmation was declined.", extensions: { code: "CANCELLED" } }] };
    }
    const code = input("delete-code").value.trim();
    const body = await executeSignedIn(DeleteAccountMutation, {
      currentPassword: input("delete-password").value, code: code === "" ? null : code,
    });
    input("delete-password").value = "";
    input("delete-code").value = "";
    if (body.data?.deleteAccount) {
      session.accessToken = null;
      setUser(null);
      showExport(null);
    }
    return body;
  }, "delete-status");
}

/** The view of <base>/confirm-email-change#token=…: makes the new address the account's at once. */
export function confirmEmailChangeView(): void {
  element("confirm-email-back", HTMLAnchorElement).href = accountPageUrl();
  const token = takeLinkToken();
  const message = element("confirm-email-message", HTMLElement);
  if (token === null) {
    message.textContent = "Open this page from the link in the confirmation mail: it carries the token (#token=…).";
    return;
  }
  void run("Email changed", async () => {
    const body = await execute(ConfirmEmailChangeMutation, { token });
    const code = errorCode(body);
    message.textContent = body.data?.confirmEmailChange ? "The account's address is now the new one, verified."
      : code === "INVALID_TOKEN" ? "This link is spent, expired or wrong: ask for the change again."
        : code === "CONFLICT" ? "Another account took this address meanwhile: the address did not change."
          : "The address could not be changed now; try the link again later.";
    return body;
  }, element("confirm-email-status", HTMLElement));
}
