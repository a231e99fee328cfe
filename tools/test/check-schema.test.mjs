// The schema check against edits of the real schema: removing a field breaks clients, adding one does not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const tools = join(dirname(fileURLToPath(import.meta.url)), "..");
const schema = readFileSync(join(tools, "../graphql-gateway/src/main/resources/schema.graphql"), "utf8");

function check(currentSchema, ...flags) {
  const dir = mkdtempSync(join(tmpdir(), "authgw-schema-"));
  try {
    writeFileSync(join(dir, "published.graphql"), schema);
    writeFileSync(join(dir, "current.graphql"), currentSchema);
    const run = spawnSync("node", [join(tools, "check-schema.mjs"), ...flags,
      join(dir, "published.graphql"), join(dir, "current.graphql")], { encoding: "utf8" });
    return { status: run.status, output: run.stdout + run.stderr,
      publishedAfter: readFileSync(join(dir, "published.graphql"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the gateway's schema is the published one", () => {
  const run = spawnSync("node", [join(tools, "check-schema.mjs")], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

const withoutDisplayName = () => {
  const field = '  displayName: String!\n  "When the account was created';
  assert.ok(schema.includes(field), "the test edits User.displayName");
  return schema.replace(field, '  "When the account was created');
};

test("removing a field a client may select fails as breaking", () => {
  const result = check(withoutDisplayName());
  assert.equal(result.status, 1);
  assert.match(result.output, /BREAKING\s+Field 'displayName' was removed from object type 'User'/);
});

test("adding a field is compatible but must be published", () => {
  const added = schema.replace(/type User \{\n/, "type User {\n  nickname: String\n");
  const unpublished = check(added);
  assert.equal(unpublished.status, 1);
  assert.match(unpublished.output, /NON_BREAKING\s+Field 'nickname' was added to object type 'User'/);
  assert.match(unpublished.output, /publish it/);

  const published = check(added, "--publish");
  assert.equal(published.status, 0, published.output);
  assert.equal(published.publishedAfter, added);
});

test("a breaking change is published only on purpose", () => {
  const broken = withoutDisplayName();
  assert.equal(check(broken, "--publish").status, 1);
  assert.equal(check(broken, "--publish", "--allow-breaking").status, 0);
});
