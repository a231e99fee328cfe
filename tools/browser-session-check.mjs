// The refresh cookie from a real browser: Debian's Chromium driven by playwright-core, against a gateway with
// app.sessions.refresh-cookie on and the example client (docs/examples/browser-client) on an allowed origin of the
// gateway's site (localhost, another port).
//  1. Login through the page: the answer's body holds no refresh token, the cookie is HttpOnly, Secure (accepted on
//     http://localhost), SameSite=Strict, Path=/graphql, and document.cookie does not show it, even on a page of the
//     gateway's origin under /graphql.
//  2. Refresh through the page spends the cookie and rotates it.
//  3. Other pages try to use it: a form post from another site (cross-site: the cookie stays home) and from another
//     origin of the same site (the cookie is sent), and a credentialed JSON fetch from that origin: all refused, and
//     the cookie still works from the page afterwards.
//  4. Logout clears it; a refresh after that is UNAUTHENTICATED.
// A screenshot of the page after the refresh goes to --out. Exits 1 with the reason when a step fails.
// Usage: node tools/browser-session-check.mjs --page URL --gateway URL --cross-site-page URL --same-site-page URL
//        --username NAME --out DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "./lib/chromium.mjs";

const COOKIE = "authgw_refresh";
const { values: options } = parseArgs({
  options: {
    page: { type: "string" }, gateway: { type: "string" }, "cross-site-page": { type: "string" },
    "same-site-page": { type: "string" }, username: { type: "string" }, out: { type: "string" },
  },
});
for (const required of ["page", "gateway", "cross-site-page", "same-site-page", "username", "out"]) {
  if (!options[required]) throw new Error(`--${required} is required`);
}
mkdirSync(options.out, { recursive: true });

const { browser, context } = await launchChromium();

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function refreshCookie() {
  return (await context.cookies(`${options.gateway}/graphql`)).find((cookie) => cookie.name === COOKIE);
}

async function click(page, button, expectedOutcome) {
  await page.click(button);
  await page.waitForFunction(
    (outcome) => document.getElementById("result").dataset.outcome === outcome, expectedOutcome)
    .catch(async () => {
      const shown = await page.textContent("#result");
      throw new Error(`after ${button}, expected ${expectedOutcome}; the page shows:\n${shown}`);
    });
}

/** The profile with the refreshed access token; UNAVAILABLE says "retry later", so retried as a UI would. */
async function readProfile(page) {
  for (let attempt = 1; ; attempt++) {
    await page.evaluate(() => delete document.getElementById("result").dataset.outcome);
    await page.click("#profile");
    await page.waitForFunction(() => ["ok:Profile", "error:UNAVAILABLE"]
      .includes(document.getElementById("result").dataset.outcome));
    const outcome = await page.evaluate(() => document.getElementById("result").dataset.outcome);
    if (outcome === "ok:Profile") return;
    check(attempt < 3, "the profile stayed UNAVAILABLE");
    await page.waitForTimeout(1000);
  }
}

/** Clicks and returns the gateway's answer to the click, read from the network (what the page's script got). */
async function clickAndRead(page, button, expectedOutcome) {
  const answer = page.waitForResponse((response) => response.url().endsWith("/graphql")
    && response.request().method() === "POST");
  await click(page, button, expectedOutcome);
  const response = await answer;
  return { text: await response.text(), setCookie: await response.headerValue("set-cookie") };
}

/** A page of another origin posts the form to the gateway; the navigation's answer and what the browser sent. */
async function formPost(origin) {
  const page = await context.newPage();
  const answered = page.waitForResponse((response) => response.url().endsWith("/graphql"));
  await page.goto(`${origin}?mode=form&gateway=${encodeURIComponent(options.gateway)}`);
  const response = await answered;
  const sent = await response.request().allHeaders();
  const result = { status: response.status(), cookieSent: (sent.cookie ?? "").includes(`${COOKIE}=`),
    setCookie: await response.headerValue("set-cookie") };
  await page.close();
  return result;
}

try {
  const page = await context.newPage();
  const url = new URL(options.page);
  url.searchParams.set("gateway", options.gateway);
  url.searchParams.set("username", options.username);
  await page.goto(url.href);
  await click(page, "#signup", "ok:Signed up");

  // 1. Login: the token is in the cookie only.
  const login = await clickAndRead(page, "#login", "ok:Logged in");
  const cookie = await refreshCookie();
  check(cookie, `no ${COOKIE} cookie after login; Set-Cookie was ${login.setCookie}`);
  check(JSON.parse(login.text).data.login.refreshToken === null, `the login body holds a refresh token: ${login.text}`);
  check(!login.text.includes(cookie.value), "the login body holds the cookie's token");
  check(cookie.httpOnly && cookie.secure && cookie.sameSite === "Strict" && cookie.path === "/graphql",
    `the cookie's attributes: ${JSON.stringify({ ...cookie, value: "…" })}`);
  const pageCookies = await page.evaluate(() => document.cookie);
  check(!pageCookies.includes(cookie.value), `document.cookie on the page shows the token: ${pageCookies}`);
  // Cookies ignore ports, and this path is inside Path=/graphql: only HttpOnly keeps the token from this script.
  const gatewayPage = await context.newPage();
  await gatewayPage.goto(`${options.gateway}/graphql/schema.graphql`);
  const gatewayCookies = await gatewayPage.evaluate(() => document.cookie);
  check(!gatewayCookies.includes(cookie.value), `document.cookie under /graphql shows the token: ${gatewayCookies}`);
  await gatewayPage.close();
  console.log(`login: the body holds no refresh token; ${COOKIE} is HttpOnly, Secure, SameSite=Strict, Path=/graphql; `
    + "document.cookie does not show it");

  // 2. Refresh through the page's origin.
  const refreshed = await clickAndRead(page, "#refresh", "ok:Refreshed");
  check(JSON.parse(refreshed.text).data.refreshToken.refreshToken === null, `refresh body: ${refreshed.text}`);
  await page.screenshot({ path: join(options.out, "browser-session.png") });
  const rotated = await refreshCookie();
  check(rotated && rotated.value !== cookie.value, "the refresh did not rotate the cookie");
  await readProfile(page);
  console.log("refresh: the cookie was spent from the page's origin and rotated; the new access token works");

  // 3. Other pages try to spend it.
  const crossSite = await formPost(options["cross-site-page"]);
  check(crossSite.status === 415 || crossSite.status === 403, `cross-site form post answered ${crossSite.status}`);
  check(!crossSite.cookieSent, "the browser sent the SameSite=Strict cookie with a cross-site form post");
  check(crossSite.setCookie === null, "the cross-site form post got a Set-Cookie");
  console.log(`cross-site form post: refused with ${crossSite.status}, the browser did not send the cookie`);
  const sameSite = await formPost(options["same-site-page"]);
  check(sameSite.status === 415 || sameSite.status === 403, `same-site form post answered ${sameSite.status}`);
  check(sameSite.setCookie === null, "the same-site form post got a Set-Cookie");
  console.log(`form post from another origin of the same site: refused with ${sameSite.status}`);
  const attacker = await context.newPage();
  await attacker.goto(`${options["same-site-page"]}?mode=fetch&gateway=${encodeURIComponent(options.gateway)}`);
  await attacker.waitForFunction(() => document.getElementById("outcome").dataset.outcome);
  const fetched = await attacker.evaluate(() => document.getElementById("outcome").dataset.outcome);
  check(fetched === "refused-by-browser", `a credentialed JSON fetch from another origin: ${fetched}`);
  await attacker.close();
  console.log("credentialed JSON fetch from another origin: refused (CORS preflight)");
  check((await refreshCookie())?.value === rotated.value, "the cookie changed while other pages tried it");
  await click(page, "#refresh", "ok:Refreshed");
  console.log("after the attempts the cookie is intact and still refreshes from the page");

  // 4. Logout clears it.
  await click(page, "#logout", "ok:Logged out");
  check(!(await refreshCookie()), "the cookie is still there after logout");
  await click(page, "#refresh", "error:UNAUTHENTICATED");
  console.log("logout: the cookie is cleared; refresh is UNAUTHENTICATED");
} catch (failure) {
  console.error(`browser session check failed: ${failure.message}`);
  for (const page of context.pages()) {
    await page.screenshot({ path: join(options.out, `session-failure-${context.pages().indexOf(page)}.png`) })
      .catch(() => {});
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
