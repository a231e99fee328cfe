// A second factor: an authenticator app (TOTP) enrolled, confirmed with a first code, and disabled with a code.
import { changeUser } from "../account-state";
import { executeSignedIn } from "../api";
import { graphql } from "../gql";
import { element, input, onClick } from "../page";

const EnrollTotpMutation = graphql(`mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }`);
const ConfirmTotpMutation = graphql(`mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }`);
const DisableTotpMutation = graphql(`mutation DisableTotp($code: String!) { disableTotp(code: $code) }`);

function showEnrolment(enrolment: { qrCodeSvg: string; secret: string } | null): void {
  const qrCode = element("totp-qr", HTMLImageElement);
  // An image: whatever the SVG held, nothing of it runs or becomes markup of this page.
  if (enrolment) qrCode.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrCodeSvg)}`;
  else qrCode.removeAttribute("src");
  element("totp-secret", HTMLElement).textContent = enrolment?.secret ?? "";
  input("totp-confirm-code").value = "";
  element("totp-enrolment", HTMLElement).hidden = enrolment === null;
}

/** The ten recovery codes, shown once (the gateway keeps only their hashes); null hides them. */
function showRecoveryCodes(codes: readonly string[] | null): void {
  element("totp-recovery-codes", HTMLOListElement).replaceChildren(...(codes ?? []).map((code) => {
    const item = document.createElement("li");
    item.textContent = code;
    return item;
  }));
  element("totp-recovery", HTMLElement).hidden = codes === null;
}

export function bindTotp(): void {
  onClick("totp-enroll", "TOTP enrolment started", async () => {
    const body = await executeSignedIn(EnrollTotpMutation, {});
    showEnrolment(body.data?.enrollTotp ?? null);
    showRecoveryCodes(null);
    return body;
  }, "totp-status");

  onClick("totp-confirm", "TOTP confirmed", async () => {
    const body = await executeSignedIn(ConfirmTotpMutation, { code: input("totp-confirm-code").value });
    if (body.data) {
      showEnrolment(null);
      showRecoveryCodes(body.data.confirmTotp.recoveryCodes);
      changeUser({ secondFactorEnabled: true });
    }
    return body;
  }, "totp-status");

  onClick("totp-disable", "TOTP disabled", async () => {
    const body = await executeSignedIn(DisableTotpMutation, { code: input("totp-disable-code").value });
    if (body.data?.disableTotp) {
      showRecoveryCodes(null);
      changeUser({ secondFactorEnabled: false });
    }
    input("totp-disable-code").value = "";
    return body;
  }, "totp-status");
}
