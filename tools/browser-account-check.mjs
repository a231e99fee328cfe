// The example client's account flows in a real browser (Debian's Chromium driven by playwright-core), against a
// gateway that allows the page's origin and a store that mails to a test SMTP server:
//  1. The strength meter: nothing of zxcvbn is fetched before a password is typed; a weak one is scored low with
//     zxcvbn's feedback, a passphrase high.
//  2. Signup, then a second factor: enrolment shows the QR code as an image and the secret; a code computed here from
//     the secret (RFC 6238) confirms it; ten recovery codes are shown.
//  3. Logout, login: MFA_REQUIRED, the challenge kept out of the page's text, a code completes the sign-in.
//  4. Forgot password: the same neutral message for an unknown address and for the account's.
//  5. The mailed verification link, opened in another tab, verifies the address (the token leaves the address bar);
//     the profile then says so.
//  6. The mailed reset link: the gateway refuses a weak password (its BAD_USER_INPUT decides), takes a strong one;
//     login with the new password and a recovery code in place of a code.
// --mail is the test's reader of that SMTP server: GET <mail>?to=<address> answers [{subject, text}] so far.
// A screenshot of the signed-in page goes to --out. Exits 1 with the reason when a step fails.
// Usage: node tools/browser-account-check.mjs --page URL --gateway URL --mail URL --username NAME --out DIR
import { createHmac } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "./lib/chromium.mjs";

const WEAK_PASSWORD = "password123";
const PASSWORD = "plum lantern orbit vinegar";
const NEW_PASSWORD = "saffron glacier tuba ninety";
const { values: options } = parseArgs({
  options: {
    page: { type: "string" }, gateway: { type: "string" }, mail: { type: "string" }, username: { type: "string" },
    out: { type: "string" },
  },
});
for (const required of ["page", "gateway", "mail", "username", "out"]) {
  if (!options[required]) throw new Error(`--${required} is required`);
}
mkdirSync(options.out, { recursive: true });
const email = `${options.username}@example.com`;

const { browser, context } = await launchChromium();
const consoleErrors = [];
context.on("console", (message) => {
  if (message.type() === "error") consoleErrors.push(`${message.location().url}: ${message.text()}`);
});
context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
const requested = [];
context.on("request", (request) => requested.push(request.url()));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The page's URL for a view (null: the account page), as app.mail.link-base-url "<page>?view=" makes the links. */
function pageUrl(view = null, fragment = "") {
  const url = new URL(options.page);
  if (view) url.searchParams.set("view", view);
  url.searchParams.set("gateway", options.gateway);
  url.searchParams.set("username", options.username);
  return url.href + fragment;
}

async function click(page, button, expectedOutcome) {
  await page.click(button);
  await page.waitForFunction(
    (outcome) => document.getElementById("result").dataset.outcome === outcome, expectedOutcome)
    .catch(async () => {
      const shown = await page.textContent("#result");
      throw new Error(`after ${button}, expected ${expectedOutcome}; the page shows:\n${shown}`);
    });
  return page.textContent("#result");
}

/** The meter's score once it shows one from min to max. */
async function meterScore(page, meter, [min, max], password) {
  await page.waitForFunction(([id, low, high]) => {
    const shown = document.getElementById(id).dataset;
    return shown.state === "scored" && Number(shown.score) >= low && Number(shown.score) <= high;
  }, [meter, min, max]).catch(async () => {
    throw new Error(`the meter #${meter} did not score ${password} ${min}-${max}: ${await page.textContent(`#${meter}`)}`);
  });
  return Number(await page.getAttribute(`#${meter}`, "data-score"));
}
const WEAK = [0, 2];
const STRONG = [3, 4];

/** RFC 6238's code (HMAC-SHA1, 6 digits, 30 s steps) of a base32 secret for one time step. */
function totp(secret, step) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...secret.replace(/=+$/, "").toUpperCase()].map((letter) => {
    const value = alphabet.indexOf(letter);
    check(value >= 0, `the secret ${secret} is not base32`);
    return value.toString(2).padStart(5, "0");
  }).join("");
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const code = mac.readUInt32BE(mac[mac.length - 1] & 0xf) & 0x7fffffff;
  return String(code % 1_000_000).padStart(6, "0");
}
const currentStep = () => Math.floor(Date.now() / 30_000);

/** The link of the first message to the address whose link goes to the given path, waited for up to 20 s. */
async function mailedLink(path) {
  const pattern = new RegExp(`https?://\\S+/${path}#token=[A-Za-z0-9_-]+`);
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const messages = await (await fetch(`${options.mail}?to=${encodeURIComponent(email)}`)).json();
    const link = messages.map((message) => message.text.match(pattern)?.[0]).find(Boolean);
    if (link) return new URL(link);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${email} with a ${path} link within 20 s`);
}

try {
  const page = await context.newPage();
  await page.goto(pageUrl());

  // 1. The strength meter, its estimator loaded on the first keystroke only.
  const estimator = (urls) => urls.filter((url) => url.includes("/chunks/strength-engine-"));
  check(estimator(requested).length === 0, `the page loaded the estimator before any typing: ${estimator(requested)}`);
  await page.fill("#password", "");
  await page.locator("#password").pressSequentially(WEAK_PASSWORD);
  const weak = await meterScore(page, "signup-strength", WEAK, WEAK_PASSWORD);
  const advice = await page.locator("#signup-strength li").allTextContents();
  check(advice.length > 0, `no feedback for ${WEAK_PASSWORD}`);
  check(estimator(requested).length === 1, `the estimator was fetched ${estimator(requested).length} times`);
  await page.fill("#password", PASSWORD);
  const strong = await meterScore(page, "signup-strength", STRONG, PASSWORD);
  console.log(`strength meter: ${WEAK_PASSWORD} scored ${weak} (${advice.join(" ")}), the passphrase ${strong}; ` +
    "the estimator was fetched on the first keystroke");

  // 2. Signup and a second factor.
  await click(page, "#signup", "ok:Signed up");
  check(await page.textContent("#state-email-verified") === "no", "the new account's address shows as verified");
  await click(page, "#totp-enroll", "ok:TOTP enrolment started");
  // The SVG as an image that decodes: a data: URL, not markup inserted into the page.
  await page.waitForFunction(() => {
    const image = document.getElementById("totp-qr");
    return image.getAttribute("src")?.startsWith("data:image/svg+xml") && image.complete && image.naturalWidth > 0;
  }).catch(async () => {
    throw new Error(`the QR code is not a decoded SVG image: ${await page.getAttribute("#totp-qr", "src")}`);
  });
  check(await page.locator("#totp-enrolment svg").count() === 0, "the QR code's SVG was inserted as markup");
  const secret = (await page.textContent("#totp-secret")).trim();
  const confirmedStep = currentStep();
  await page.fill("#totp-confirm-code", totp(secret, confirmedStep));
  await click(page, "#totp-confirm", "ok:TOTP confirmed");
  const recoveryCodes = await page.locator("#totp-recovery-codes li").allTextContents();
  check(recoveryCodes.length === 10, `recovery codes shown: ${recoveryCodes}`);
  check((await page.textContent("#state-second-factor")).startsWith("on"), "the second factor does not show as on");
  console.log("second factor: the QR code shown as an image, a code from the secret confirmed it, 10 recovery codes");

  // 3. Logout; login asks for a code.
  await click(page, "#logout", "ok:Logged out");
  const loginAnswer = page.waitForResponse((response) => response.url().endsWith("/graphql")
    && response.request().method() === "POST");
  await click(page, "#login", "error:MFA_REQUIRED");
  const challenge = JSON.parse(await (await loginAnswer).text()).errors[0].extensions.challenge;
  check(challenge && !(await page.textContent("body")).includes(challenge), "the page shows the MFA challenge");
  check(await page.isVisible("#mfa"), "no code prompt after MFA_REQUIRED");
  await page.fill("#mfa-code", totp(secret, confirmedStep + 1));
  await click(page, "#mfa-verify", "ok:Signed in with a second factor");
  check(!(await page.isVisible("#mfa")), "the code prompt stayed after the sign-in");
  check((await page.textContent("#state-user")).startsWith(options.username), "signed in as someone else");
  await page.screenshot({ path: join(options.out, "browser-account.png"), fullPage: true });
  console.log("login: MFA_REQUIRED, the challenge kept out of the page, a code signed in");

  // 4. Forgot password: one answer and one message whether or not an account uses the address.
  const forgot = async (address) => {
    await page.fill("#forgot-email", address);
    await page.evaluate(() => delete document.getElementById("result").dataset.outcome);
    const answer = await click(page, "#forgot", "ok:Reset link requested");
    check(await page.isVisible("#forgot-message"), `no message after asking a reset for ${address}`);
    return `${answer}\n${await page.textContent("#forgot-message")}`;
  };
  const unknown = await forgot(`nobody_${options.username}@example.com`);
  check(unknown === await forgot(email), "the forgot-password answer differs between an unknown address and the account's");
  check(unknown.includes("If an account uses this address"), `the forgot-password message: ${unknown}`);
  console.log("forgot password: the same neutral message for an unknown address and the account's");

  // 5. The verification link in another tab.
  const verification = await mailedLink("verify-email");
  const verifyTab = await context.newPage();
  await verifyTab.goto(pageUrl(verification.pathname.slice(verification.pathname.lastIndexOf("/")), verification.hash));
  await verifyTab.waitForFunction(() => document.getElementById("result").dataset.outcome === "ok:Email verified")
    .catch(async () => { throw new Error(`verify-email: ${await verifyTab.textContent("main")}`); });
  check(!verifyTab.url().includes("token="), `the token stayed in the address bar: ${verifyTab.url()}`);
  await verifyTab.close();
  await click(page, "#profile", "ok:Profile");
  check(await page.textContent("#state-email-verified") === "yes", "the profile does not show the address verified");
  console.log("verify-email: the mailed link verified the address; the profile shows it");

  // 6. The reset link: the gateway's verdict on a weak password, then a strong one; login with a recovery code.
  const reset = await mailedLink("reset-password");
  const resetTab = await context.newPage();
  await resetTab.goto(pageUrl(reset.pathname.slice(reset.pathname.lastIndexOf("/")), reset.hash));
  await resetTab.fill("#reset-new-password", WEAK_PASSWORD);
  await meterScore(resetTab, "reset-strength", WEAK, WEAK_PASSWORD);
  await click(resetTab, "#reset", "error:BAD_USER_INPUT");
  await resetTab.fill("#reset-new-password", NEW_PASSWORD);
  await meterScore(resetTab, "reset-strength", STRONG, NEW_PASSWORD);
  await click(resetTab, "#reset", "ok:Password reset");
  await resetTab.close();
  await page.fill("#password", NEW_PASSWORD);
  await click(page, "#login", "error:MFA_REQUIRED");
  await page.fill("#mfa-code", recoveryCodes[0]);
  await click(page, "#mfa-verify", "ok:Signed in with a second factor");
  console.log("reset-password: BAD_USER_INPUT for a weak password, then reset; login with a recovery code");
} catch (failure) {
  console.error(`browser account check failed: ${failure.message}`);
  for (const page of context.pages()) {
    await page.screenshot({ path: join(options.out, `account-failure-${context.pages().indexOf(page)}.png`) })
      .catch(() => {});
  }
  if (consoleErrors.length > 0) console.error(`browser console errors:\n${consoleErrors.join("\n")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
