// A password strength meter while typing: zxcvbn's score and feedback, estimated in the page. Only a hint: the gateway
// judges every new password itself (the store's zxcvbn, app.password-policy.min-strength, 3 of 4 by default, with the
// account's username, email and display name as known words) and its BAD_USER_INPUT on the password is what counts.
import type { Estimate } from "./strength-engine";
import { element, input } from "./page";

/** The gateway's default minimum score; a gateway may be configured otherwise, and it decides. */
const GATEWAY_DEFAULT_MIN_SCORE = 3;
const TYPING_PAUSE_MS = 120;

// import(): the engine and its dictionaries are a chunk of their own, fetched when a password is first typed.
let engine: Promise<typeof import("./strength-engine")> | undefined;

/**
 * Shows, in the element meterId, the strength of the password typed in passwordId; knownWords are the user inputs
 * zxcvbn counts as known, and a change in one of the fields watchedIds scores the password again.
 */
export function attachStrengthMeter(passwordId: string, meterId: string, knownWords: () => string[],
                                    watchedIds: readonly string[] = []): void {
  const password = input(passwordId);
  const view = meterView(element(meterId, HTMLElement));
  let latest = 0;
  let pause: ReturnType<typeof setTimeout> | undefined;

  async function score(asked: number): Promise<void> {
    if (password.value === "") return view.empty();
    view.loading();
    try {
      const { estimate } = await (engine ??= import("./strength-engine"));
      if (asked === latest) view.scored(estimate(password.value, knownWords()));
    } catch {
      engine = undefined;  // the next keystroke tries to load it again
      if (asked === latest) view.unavailable();
    }
  }

  const rescore = () => {
    const asked = ++latest;
    clearTimeout(pause);
    pause = setTimeout(() => void score(asked), TYPING_PAUSE_MS);
  };
  password.addEventListener("input", rescore);
  for (const id of watchedIds) input(id).addEventListener("input", () => {
    if (password.value !== "") rescore();
  });
}

/** The meter's elements, made here once: a <meter> 0-4, a line of text, zxcvbn's warning and suggestions. */
function meterView(container: HTMLElement) {
  const meter = document.createElement("meter");
  Object.assign(meter, { min: 0, max: 4, low: 2, high: GATEWAY_DEFAULT_MIN_SCORE, optimum: 4, value: 0 });
  const line = document.createElement("span");
  const feedback = document.createElement("ul");
  container.replaceChildren(meter, line, feedback);
  container.setAttribute("aria-live", "polite");

  const state = (name: string, text: string, score?: number) => {
    container.dataset.state = name;
    if (score === undefined) delete container.dataset.score;
    else container.dataset.score = String(score);
    meter.value = score ?? 0;
    line.textContent = text;
    feedback.replaceChildren();
  };
  const empty = () => state("empty", "Type a password to see how hard it is to guess.");
  empty();
  return {
    empty,
    loading: () => {
      if (container.dataset.state !== "scored") state("loading", "Loading the strength estimator…");
    },
    unavailable: () => state("unavailable", "The strength estimator did not load; the gateway still checks the password."),
    scored: ({ score, warning, suggestions }: Estimate) => {
      const verdict = score >= GATEWAY_DEFAULT_MIN_SCORE ? "likely accepted" : "likely refused";
      state("scored", `Strength ${score} of 4: ${verdict} (the gateway asks for ${GATEWAY_DEFAULT_MIN_SCORE} by `
        + "default, and its answer decides).", score);
      for (const advice of warning ? [warning, ...suggestions] : suggestions) {
        const item = document.createElement("li");
        item.textContent = advice;
        feedback.append(item);
      }
    },
  };
}

/** What the gateway counts as known for an account (store policy/PasswordPolicy): each name, the address, its local
 *  part, and each word of the display name. */
export function accountWords(username: string, email: string, displayName: string): string[] {
  const localPart = email.includes("@") ? email.slice(0, email.indexOf("@")) : "";
  return [username, email, localPart, displayName, ...displayName.split(/\s+/)].filter((word) => word.trim() !== "");
}
