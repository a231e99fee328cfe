// Apollo Client 4's PersistedQueryLink against the gateway: the first query goes as a hash alone, is answered
// PERSISTED_QUERY_NOT_FOUND, and the link resends it with the document (registered); a second client then gets the
// same query by hash alone, over GET. Prints one line per step; exits 1 when a step does not hold.
// Usage: node apq-check.mjs <gateway /graphql URL> <access token>
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error("usage: node apq-check.mjs <graphql url> <access token>");
  process.exit(2);
}
const PROFILE = gql`
  query ApqProfile {
    profile {
      id
      username
    }
  }
`;
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/** A client whose requests are recorded as "METHOD hash-only|with-document -> status". */
function client(useGETForHashedQueries) {
  const sent = [];
  const recordingFetch = async (input, init) => {
    const method = init?.method ?? "GET";
    const withDocument = method === "POST" ? JSON.parse(init.body).query !== undefined : String(input).includes("query=");
    const response = await fetch(input, init);
    sent.push(`${method} ${withDocument ? "with-document" : "hash-only"} -> ${response.status}`);
    return response;
  };
  const link = new PersistedQueryLink({ sha256, useGETForHashedQueries }).concat(
    new HttpLink({ uri: url, fetch: recordingFetch, headers: { authorization: `Bearer ${token}` } }),
  );
  return { apollo: new ApolloClient({ link, cache: new InMemoryCache() }), sent };
}

let failed = false;
function check(ok, line) {
  console.log(`${ok ? "ok" : "FAILED"} ${line}`);
  failed ||= !ok;
}

const first = client(false);
const registered = await first.apollo.query({ query: PROFILE, fetchPolicy: "network-only" });
check(registered.data?.profile?.id !== undefined && first.sent.length === 2
    && first.sent[0].startsWith("POST hash-only") && first.sent[1] === "POST with-document -> 200",
  `apollo post: ${first.sent.join(", ")}; profile ${registered.data?.profile?.username}`);

const second = client(true);
const byHash = await second.apollo.query({ query: PROFILE, fetchPolicy: "network-only" });
check(byHash.data?.profile?.id === registered.data?.profile?.id && second.sent.length === 1
    && second.sent[0] === "GET hash-only -> 200",
  `apollo get: ${second.sent.join(", ")}; profile ${byHash.data?.profile?.username}`);

process.exit(failed ? 1 : 0);
