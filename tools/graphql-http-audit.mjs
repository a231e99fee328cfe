// The GraphQL-over-HTTP audit of graphql-http (the spec's reference implementation) against a running gateway:
// every MUST, SHOULD and MAY it checks, one line each (ok, warn, notice or error, as graphql-http grades them), with
// the reason and the answer's status and media type for each one missed. Exits 1 unless every audit passes, 2 when
// the gateway could not be reached.
// Usage: node tools/graphql-http-audit.mjs http://localhost:8080/graphql
import { auditServer } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node tools/graphql-http-audit.mjs <url of /graphql>");
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (fatal) {
  // graphql-http throws only when a request could not be made at all (refused, reset, not HTTP).
  console.error(`the audit could not run against ${url}: ${fatal.cause?.message ?? fatal.message}`);
  process.exit(2);
}

for (const result of results) {
  const line = `${result.status.padEnd(6)} ${result.id} ${result.name}`;
  if (result.status === "ok") {
    console.log(line);
  } else {
    const answer = result.response
      ? ` (answered ${result.response.status}, ${result.response.headers.get("content-type") ?? "no content type"})`
      : "";
    console.log(`${line}\n       ${result.reason}${answer}`);
  }
}

const level = (result) => result.name.split(" ")[0];
const must = results.filter((result) => level(result) === "MUST");
const optional = results.filter((result) => level(result) !== "MUST");
const passed = (list) => list.filter((result) => result.status === "ok").length;
console.log(`graphql-http audit: MUST ${passed(must)}/${must.length}, `
  + `SHOULD/MAY ${passed(optional)}/${optional.length} against ${url}`);
process.exit(passed(results) === results.length ? 0 : 1);
