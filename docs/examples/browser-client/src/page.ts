// The page's elements and how an action's outcome is shown: the whole answer in #result (its data-outcome is
// "ok:<label>" or "error:<extensions.code>", which the browser tests wait for), and one line beside the action.
import type { Answer } from "./api";

export function element<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the page has no #${id} of type ${type.name}`);
  return found;
}

export const input = (id: string) => element(id, HTMLInputElement);

/** Credentials of a second step are not for the screen; the QR code is shown as an image instead. */
const HIDDEN_IN_RESULT: Record<string, string> = {
  challenge: "(kept in this page's memory for the second step)",
  qrCodeSvg: "(shown above as an image)",
};

/** Shows the answer in #result and, when given, a one-line summary in status; true when it holds no error. */
export function show(label: string, body: Answer<unknown>, status?: HTMLElement): boolean {
  const result = element("result", HTMLElement);
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? "UNKNOWN";
  result.className = error ? "error" : "";
  result.dataset.outcome = error ? `error:${code}` : `ok:${label}`;
  result.textContent = `${label}\n${JSON.stringify(error ? body.errors : body.data,
    (key, value: unknown) => HIDDEN_IN_RESULT[key] ?? value, 2)}`;
  if (status) {
    const wait = error?.extensions?.retryAfterSeconds;
    status.className = error ? "status error" : "status";
    status.dataset.outcome = result.dataset.outcome;
    status.textContent = error
      ? `${code}: ${error.message}${wait === undefined ? "" : ` (retry in ${wait} s)`}`
      : label;
  }
  return !error;
}

/** Runs an action and shows its answer; a request the browser refused (CORS, network) is shown as NETWORK. */
export async function run(label: string, action: () => Promise<Answer<unknown>>, status?: HTMLElement): Promise<void> {
  try {
    show(label, await action(), status);
  } catch (failure) {
    // A refused CORS check reaches JavaScript only as a failed fetch, without the answer.
    const reason = failure instanceof Error ? failure.message : String(failure);
    const text = `The request failed (${reason}). Is this origin allowed by the gateway's app.cors.allowed-origins?`;
    const result = element("result", HTMLElement);
    result.className = "error";
    result.dataset.outcome = "error:NETWORK";
    result.textContent = `${label}\n${text}`;
    if (status) {
      status.className = "status error";
      status.dataset.outcome = "error:NETWORK";
      status.textContent = `NETWORK: ${text}`;
    }
  }
}

/** Runs the action on a click of the button; its status line, when given, is the element of that id. */
export function onClick(id: string, label: string, action: () => Promise<Answer<unknown>>, statusId?: string): void {
  element(id, HTMLButtonElement).addEventListener("click",
    () => run(label, action, statusId === undefined ? undefined : element(statusId, HTMLElement)));
}

/** The token of a mailed link (<base>/verify-email#token=…), taken out of the address bar and history. */
export function takeLinkToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (token !== null) history.replaceState(null, "", window.location.pathname + window.location.search);
  return token;
}

/** The page without a view, keeping the chosen gateway: where a link view sends the user on. */
export function accountPageUrl(): string {
  const url = new URL(window.location.href);
  url.search = "";
  url.hash = "";
  url.searchParams.set("gateway", input("gateway").value);
  return url.href;
}
