// The example client's check against edits of a copy of it: generated files out of date, a schema change, a type
// error, a field the schema lacks, a chunk no longer made; and the committed page's first load without the
// strength estimator's dictionaries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const tools = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(tools, "..");
const TIMEOUT = 120_000;
const ACCOUNT_VIEW = "src/views/account.ts";

function exampleClient(...args) {
  const run = spawnSync("node", [join(tools, "example-client.mjs"), ...args], { encoding: "utf8", timeout: TIMEOUT });
  assert.equal(run.error, undefined, `example-client.mjs ${args.join(" ")} did not finish`);
  return { status: run.status, output: run.stdout + run.stderr };
}

/** A copy of the repository's layout the client needs: the client, the schema, the tools' node_modules. */
function withCopy(body) {
  const copy = mkdtempSync(join(tmpdir(), "authgw-example-client-test-"));
  try {
    const client = join(copy, "docs/examples/browser-client");
    cpSync(join(root, "docs/examples/browser-client"), client, { recursive: true });
    cpSync(join(root, "docs/schema.graphql"), join(copy, "docs/schema.graphql"));
    mkdirSync(join(copy, "tools"));
    symlinkSync(join(tools, "node_modules"), join(copy, "tools/node_modules"), "dir");
    return body({ client, schema: join(copy, "docs/schema.graphql") });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function edit(file, from, to) {
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(from), `the test edits ${from} in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

test("the committed example client is as generated and type-checks", { timeout: TIMEOUT }, () => {
  const { status, output } = exampleClient("--check");
  assert.equal(status, 0, output);
  assert.match(output, /example client up to date/);
});

test("a hand-edited generated file is stale, named with the command that fixes it", { timeout: TIMEOUT }, () =>
  withCopy(({ client }) => {
    appendFileSync(join(client, "src/gql/graphql.ts"), "export type Extra = string;\n");
    const { status, output } = exampleClient("--check", client);
    assert.equal(status, 1, output);
    assert.match(output, /stale: \S*src\/gql\/graphql\.ts .*regenerate it with: node tools\/example-client\.mjs \S+/);
    assert.doesNotMatch(output, /stale: \S*client\.js/);
  }));

test("an edited bundle is stale", { timeout: TIMEOUT }, () =>
  withCopy(({ client }) => {
    edit(join(client, "client.js"), `"error:NETWORK"`, `"error:OFFLINE"`);
    const { status, output } = exampleClient("--check", client);
    assert.equal(status, 1, output);
    assert.match(output, /stale: \S*client\.js /);
  }));

test("a schema change makes the types stale, and regenerating them shows where the client no longer fits",
  { timeout: TIMEOUT }, () =>
    withCopy(({ client, schema }) => {
      edit(schema, "input LoginInput {\n", "input LoginInput {\n  \"A one-time code.\"\n  otp: String\n");
      const stale = exampleClient("--check", client);
      assert.equal(stale.status, 1, stale.output);
      assert.match(stale.output, /stale: \S*src\/gql\/graphql\.ts /);
      assert.equal(exampleClient(client).status, 0, "a compatible change regenerates cleanly");
      assert.equal(exampleClient("--check", client).status, 0);

      edit(schema, `  displayName: String!\n}\n\ninput LoginInput`, `}\n\ninput LoginInput`);
      edit(schema, `  "1-64 characters (PRECIS Nickname, RFC 8266) with at least one visible character; no control, invisible or bidi-control characters."\n}\n\ninput LoginInput`, `}\n\ninput LoginInput`);
      const regenerated = exampleClient(client);
      assert.equal(regenerated.status, 1, regenerated.output);
      assert.match(regenerated.output, /src\/views\/account\.ts\(\d+,\d+\): error TS\d+: .*'displayName' does not exist in type 'SignupInput'/);
    }));

test("a type error in the client fails the check, though every output is regenerated", { timeout: TIMEOUT }, () =>
  withCopy(({ client }) => {
    edit(join(client, ACCOUNT_VIEW), "signedIn(body.data?.login)", "signedIn(body.data?.login.token)");
    const regenerated = exampleClient(client);
    assert.equal(regenerated.status, 1, regenerated.output);
    const { status, output } = exampleClient("--check", client);
    assert.equal(status, 1, output);
    assert.doesNotMatch(output, /stale:/);
    assert.match(output, /src\/views\/account\.ts\(\d+,\d+\): error TS2339: Property 'token' does not exist/);
  }));

test("an operation selecting a field the schema lacks fails codegen's validation", { timeout: TIMEOUT }, () =>
  withCopy(({ client }) => {
    edit(join(client, ACCOUNT_VIEW), "accessToken expiresIn refreshToken refreshExpiresIn",
      "accessToken expiresAt refreshToken refreshExpiresIn");
    const { status, output } = exampleClient("--check", client);
    assert.equal(status, 1, output);
    assert.match(output, /Cannot query field "expiresAt" on type "AuthPayload"/);
  }));

test("a chunk esbuild no longer makes is stale", { timeout: TIMEOUT }, () =>
  withCopy(({ client }) => {
    writeFileSync(join(client, "chunks/strength-engine-OLDHASH1.js"), "export {};\n");
    const { status, output } = exampleClient("--check", client);
    assert.equal(status, 1, output);
    assert.match(output, /stale: \S*chunks\/strength-engine-OLDHASH1\.js /);
  }));

test("the page's first load is small: zxcvbn and its dictionaries are a chunk client.js imports when needed", () => {
  const dir = join(root, "docs/examples/browser-client");
  const bundle = readFileSync(join(dir, "client.js"), "utf8");
  assert.ok(Buffer.byteLength(bundle) < 64 * 1024, `client.js is ${Buffer.byteLength(bundle)} bytes`);
  assert.doesNotMatch(bundle, /passwords-common|ZxcvbnFactory/);
  const chunk = bundle.match(/import\("\.\/(chunks\/strength-engine-[A-Z0-9]+\.js)"\)/);
  assert.ok(chunk, "client.js loads the strength estimator with import()");
  assert.ok(existsSync(join(dir, chunk[1])), `${chunk[1]} is committed`);
  assert.match(readFileSync(join(dir, chunk[1]), "utf8"), /passwords-common/);
  assert.match(readFileSync(join(dir, "index.html"), "utf8"), /<script type="module" src="client\.js"><\/script>/);
});
