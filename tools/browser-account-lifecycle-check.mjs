// The example client's passkey, sessions and account-data views in a real browser (Debian's Chromium driven by
// playwright-core) with a virtual authenticator (the DevTools protocol's WebAuthn domain: CTAP2, internal transport,
// resident keys, user verification that succeeds), against a gateway that allows the page's origin and a store whose
// app.passkeys.origins lists it:
//  1. Signup, register a passkey (navigator.credentials.create through @simplewebauthn/browser), list it.
//  2. Logout, "Sign in with a passkey" without a login name; the passkey then shows a last use.
//  3. Sessions: at least one, one of them marked current; device shown as text.
//  4. Email change: requested with the password; the link mailed to the new address, opened in another tab
//     (?view=confirm-email-change#token=…), changes it. Export: the JSON shown holds the username and the new
//     address, and a Blob download link is offered.
//  5. Delete the account (the confirmation accepted); login with the password then fails.
// --mail is the test's reader of the stack's SMTP server: GET <mail>?to=<address> answers [{subject, text}] so far.
// Exits 1 with the reason when a step fails; a screenshot goes to --out.
// Usage: node tools/browser-account-lifecycle-check.mjs --page URL --gateway URL --mail URL --username NAME --out DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "./lib/chromium.mjs";

const PASSWORD = "plum lantern orbit vinegar";
const PASSKEY_NAME = "Chromium virtual authenticator";
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

const { browser, context } = await launchChromium();
const consoleErrors = [];
context.on("console", (message) => {
  if (message.type() === "error") consoleErrors.push(`${message.location().url}: ${message.text()}`);
});
context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function click(page, button, expectedOutcome) {
  await page.evaluate(() => delete document.getElementById("result").dataset.outcome);
  await page.click(button);
  await page.waitForFunction(
    (outcome) => document.getElementById("result").dataset.outcome === outcome, expectedOutcome)
    .catch(async () => {
      const shown = await page.textContent("#result");
      throw new Error(`after ${button}, expected ${expectedOutcome}; the page shows:\n${shown}`);
    });
  return page.textContent("#result");
}

/** The link of the first message to the address whose link goes to the given path, waited for up to 20 s. */
async function mailedLink(to, path) {
  const pattern = new RegExp(`https?://\\S+/${path}#token=[A-Za-z0-9_-]+`);
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const messages = await (await fetch(`${options.mail}?to=${encodeURIComponent(to)}`)).json();
    const link = messages.map((message) => message.text.match(pattern)?.[0]).find(Boolean);
    if (link) return new URL(link);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} with a ${path} link within 20 s`);
}

const page = await context.newPage();
try {
  // A platform authenticator as a laptop's: it keeps the passkey, verifies the user and needs no touch.
  const devtools = await context.newCDPSession(page);
  await devtools.send("WebAuthn.enable");
  const { authenticatorId } = await devtools.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true,
    },
  });
  const url = new URL(options.page);
  url.searchParams.set("gateway", options.gateway);
  url.searchParams.set("username", options.username);
  await page.goto(url.href);

  // 1. Signup, register, list.
  await page.fill("#password", PASSWORD);
  await click(page, "#signup", "ok:Signed up");
  await page.fill("#passkey-name", PASSKEY_NAME);
  await click(page, "#passkey-register", "ok:Passkey registered");
  const { credentials } = await devtools.send("WebAuthn.getCredentials", { authenticatorId });
  check(credentials.length === 1 && credentials[0].isResidentCredential,
    `the authenticator holds ${credentials.length} credentials`);
  await click(page, "#passkeys-list-button", "ok:Passkeys");
  const listed = await page.locator("#passkeys-list tr td:first-child").allTextContents();
  check(listed.length === 1 && listed[0] === PASSKEY_NAME, `passkeys listed: ${JSON.stringify(listed)}`);
  console.log(`passkeys: registered "${PASSKEY_NAME}" (rpId ${credentials[0].rpId}) and listed it`);

  // 2. Logout, sign in with the passkey (no login name).
  await click(page, "#logout", "ok:Logged out");
  check(await page.textContent("#state-user") === "nobody", "still signed in after logout");
  await click(page, "#passkey-login", "ok:Signed in with a passkey");
  check((await page.textContent("#state-user")).startsWith(options.username), "the passkey signed in someone else");
  await click(page, "#passkeys-list-button", "ok:Passkeys");
  const lastUsed = await page.textContent("#passkeys-list tr td:nth-child(3)");
  check(lastUsed !== "never", "the passkey shows no last use after signing in with it");
  console.log("passkey login: signed in without a login name; the passkey shows its last use");

  // 3. Sessions.
  await click(page, "#sessions-list-button", "ok:Sessions");
  const sessions = await page.locator("#sessions-list tr").count();
  const current = await page.locator("#sessions-list tr[data-current=true]").count();
  check(sessions >= 1 && current === 1, `sessions listed: ${sessions}, current: ${current}`);
  const device = await page.textContent("#sessions-list tr[data-current=true] td:first-child");
  check(device.includes("Chrome"), `the current session's device: ${device}`);
  console.log(`sessions: ${sessions} listed, one current (device as text)`);

  // 4. Email change through the mailed link, then the export.
  const newEmail = `new_${options.username}@example.com`;
  await page.fill("#new-email", newEmail);
  await page.fill("#email-change-password", PASSWORD);
  await click(page, "#request-email-change", "ok:Email change requested");
  check(await page.isVisible("#email-change-message"), "no message after requesting the email change");
  const link = await mailedLink(newEmail, "confirm-email-change");
  const confirmUrl = new URL(options.page);
  confirmUrl.searchParams.set("view", link.pathname.slice(link.pathname.lastIndexOf("/")));
  confirmUrl.searchParams.set("gateway", options.gateway);
  const confirmTab = await context.newPage();
  await confirmTab.goto(confirmUrl.href + link.hash);
  await confirmTab.waitForFunction(() => document.getElementById("result").dataset.outcome === "ok:Email changed")
    .catch(async () => { throw new Error(`confirm-email-change: ${await confirmTab.textContent("main")}`); });
  check(!confirmTab.url().includes("token="), `the token stayed in the address bar: ${confirmTab.url()}`);
  await confirmTab.close();
  console.log("email change: the link mailed to the new address confirmed it in the confirm-email-change view");

  await click(page, "#export-account", "ok:Account exported");
  const exported = JSON.parse(await page.textContent("#export-json"));
  check(JSON.stringify(exported).includes(options.username), "the export does not hold the username");
  check(JSON.stringify(exported).includes(newEmail), "the export does not hold the new address");
  const download = await page.getAttribute("#export-download", "href");
  check(download?.startsWith("blob:") && await page.isVisible("#export-download"), `download link: ${download}`);
  await page.screenshot({ path: join(options.out, "browser-account-lifecycle.png"), fullPage: true });
  console.log("export: the JSON holds the username, offered as a blob: download");

  // 5. Delete (accepting the page's confirmation), then the password no longer logs in.
  page.on("dialog", (dialog) => dialog.accept());
  await page.fill("#delete-password", PASSWORD);
  await click(page, "#delete-account", "ok:Account deleted");
  check(await page.textContent("#state-user") === "nobody", "still signed in after the deletion");
  await page.fill("#password", PASSWORD);
  const refused = await click(page, "#login", "error:INVALID_CREDENTIALS");
  console.log(`delete: the account is gone; login answers ${refused.includes("INVALID_CREDENTIALS") ? "INVALID_CREDENTIALS" : "?"}`);
} catch (failure) {
  console.error(`browser account lifecycle check failed: ${failure.message}`);
  await page.screenshot({ path: join(options.out, "account-lifecycle-failure.png") }).catch(() => {});
  if (consoleErrors.length > 0) console.error(`browser console errors:\n${consoleErrors.join("\n")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
