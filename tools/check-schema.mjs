// The published GraphQL schema (docs/schema.graphql) is what frontends build against. This check compares the
// schema the gateway serves (graphql-gateway/src/main/resources/schema.graphql) with it, by GraphQL Inspector:
//   a breaking change (a field removed, a type changed, an argument made required) fails;
//   any other change fails too until it is published with --publish, so the published file always matches;
//   --publish --allow-breaking publishes a breaking change on purpose (announce it to the frontends first).
// Usage: node tools/check-schema.mjs [--publish [--allow-breaking]] [PUBLISHED CURRENT]
import { copyFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSchema } from "graphql";
import { CriticalityLevel, diff } from "@graphql-inspector/core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const flags = process.argv.slice(2).filter((argument) => argument.startsWith("--"));
const files = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const published = files[0] ?? join(root, "docs/schema.graphql");
const current = files[1] ?? join(root, "graphql-gateway/src/main/resources/schema.graphql");

const load = (file) => buildSchema(readFileSync(file, "utf8"));
const changes = await diff(load(published), load(current));
const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
const dangerous = changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous);

for (const change of changes) {
  console.log(`${change.criticality.level.padEnd(13)} ${change.message}`);
}

if (flags.includes("--publish")) {
  if (breaking.length > 0 && !flags.includes("--allow-breaking")) {
    console.error(`not published: ${breaking.length} breaking change(s); --allow-breaking publishes them anyway`);
    process.exit(1);
  }
  copyFileSync(current, published);
  console.log(`published ${current} as ${published}`);
} else if (breaking.length > 0) {
  console.error(`${breaking.length} breaking change(s) against the published schema ${published}`);
  process.exit(1);
} else if (changes.length > 0) {
  console.error(`the schema changed compatibly (${dangerous.length} dangerous); publish it: node tools/check-schema.mjs --publish`);
  process.exit(1);
} else {
  console.log(`schema unchanged from the published ${published}`);
}
