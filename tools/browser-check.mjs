// The gateway from a real browser: Debian's Chromium driven by playwright-core (which never downloads a browser).
//  1. The example client (docs/examples/browser-client), served from an allowed origin, signs up, logs in and reads
//     the profile across origins: CORS preflights, the Authorization header, typed answers.
//  2. The same page from an origin the gateway does not allow: the browser refuses the answer.
//  3. GraphiQL, served by the gateway from its jar, renders and reads the profile with an Authorization header
//     entered in its Headers editor.
// Screenshots of 1 and 3 go to --out. Exits 1 with the reason when a step fails.
// Usage: node tools/browser-check.mjs --allowed-page URL --other-page URL --gateway URL --username NAME --out DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "./lib/chromium.mjs";

const { values: options } = parseArgs({
  options: {
    "allowed-page": { type: "string" }, "other-page": { type: "string" }, gateway: { type: "string" },
    username: { type: "string" }, out: { type: "string" },
  },
});
for (const required of ["allowed-page", "other-page", "gateway", "username", "out"]) {
  if (!options[required]) throw new Error(`--${required} is required`);
}
mkdirSync(options.out, { recursive: true });

const { browser, context } = await launchChromium();
const consoleErrors = [];
context.on("console", (message) => {
  if (message.type() === "error") consoleErrors.push(`${message.location().url}: ${message.text()}`);
});
context.on("weberror", (error) => consoleErrors.push(`uncaught: ${error.error().message}`));

function pageUrl(base) {
  const url = new URL(base);
  url.searchParams.set("gateway", options.gateway);
  url.searchParams.set("username", options.username);
  return url.href;
}

/** The user's access token, fetched the way any client would (login mutation), to paste into GraphiQL. */
async function login(username) {
  const response = await fetch(`${options.gateway}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: "mutation($i: LoginInput!) { login(input: $i) { accessToken } }",
      variables: { i: { login: username, password: "correct horse battery staple" } },
    }),
  });
  const body = await response.json();
  if (!body.data?.login) throw new Error(`login for GraphiQL failed: ${JSON.stringify(body)}`);
  return body.data.login.accessToken;
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

try {
  const page = await context.newPage();
  await page.goto(pageUrl(options["allowed-page"]));
  await click(page, "#signup", "ok:Signed up");
  await click(page, "#login", "ok:Logged in");
  const profile = await click(page, "#profile", "ok:Profile");
  if (!profile.includes(`"username": "${options.username}"`)) {
    throw new Error(`the profile is not ${options.username}'s:\n${profile}`);
  }
  await page.screenshot({ path: join(options.out, "browser-client.png") });
  console.log(`allowed origin ${new URL(options["allowed-page"]).origin}: signup, login and profile answered`);

  const refused = await context.newPage();
  await refused.goto(pageUrl(options["other-page"]));
  await click(refused, "#login", "error:NETWORK");
  console.log(`other origin ${new URL(options["other-page"]).origin}: the browser refused the gateway's answer`);

  const ide = await context.newPage();
  await ide.goto(`${options.gateway}/graphiql/`);
  await ide.waitForSelector(".graphiql-container");
  await ide.waitForSelector("text=mutation Signup");
  // The editors are CodeMirror 5 instances; setting their text directly avoids its auto-closed brackets.
  const setEditor = (selector, text) => ide.evaluate(([css, value]) => {
    document.querySelector(`${css} .graphiql-editor:not(.hidden) .CodeMirror`).CodeMirror.setValue(value);
  }, [selector, text]);
  const token = await login(options.username);
  await setEditor(".graphiql-editor-tool", JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2));
  // The example document's Profile operation, chosen as a user would: cursor in it, Ctrl+Enter.
  await ide.click('.graphiql-query-editor .CodeMirror-line:has-text("query Profile")');
  await ide.keyboard.press("Home");
  await ide.keyboard.press("Control+Enter");
  await ide.waitForSelector(`.graphiql-response >> text=${options.username}`);
  await ide.screenshot({ path: join(options.out, "graphiql.png") });
  const cspViolations = consoleErrors.filter((text) => text.includes("Content Security Policy"));
  if (cspViolations.length > 0) throw new Error(`GraphiQL broke the page's CSP:\n${cspViolations.join("\n")}`);
  console.log("GraphiQL: rendered from the gateway's jar and read the profile with the Authorization header set in it");
} catch (failure) {
  console.error(`browser check failed: ${failure.message}`);
  for (const page of context.pages()) {
    await page.screenshot({ path: join(options.out, `failure-${context.pages().indexOf(page)}.png`) }).catch(() => {});
  }
  if (consoleErrors.length > 0) console.error(`browser console errors:\n${consoleErrors.join("\n")}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
