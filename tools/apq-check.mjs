// Two clients' automatic persisted queries against the gateway, each with a query of its own:
// - Apollo Client 4's PersistedQueryLink: the first query goes as a hash alone, is answered
//   PERSISTED_QUERY_NOT_FOUND, and the link resends it with the document (registered); a second client then gets the
//   same query by hash alone, over GET.
// - urql's persistedExchange (@urql/exchange-persisted, GET for hashed queries by default): the same round, hash
//   alone, then with the document, then a second client by hash alone.
// Prints one line per step; exits 1 when a step does not hold.
// Usage: node apq-check.mjs <gateway /graphql URL> <access token>
import { createHash } from "node:crypto";
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { Client, fetchExchange, gql as urqlGql } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";

const [url, token] = process.argv.slice(2);
if (!url || !token) {
  console.error("usage: node apq-check.mjs <graphql url> <access token>");
  process.exit(2);
}
// Each run's queries carry an alias of their own, so the check can be run again against the same gateway.
const run = `run_${Date.now().toString(36)}`;
const PROFILE = gql(`query ApqProfile { profile { id ${run}: username } }`);
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

const URQL_PROFILE = urqlGql(`query UrqlApqProfile { profile { id ${run}: email } }`);

/** A fetch that records each request as "METHOD hash-only|with-document -> status" into `sent`. */
function recordingFetch(sent) {
  return async (input, init) => {
    const method = init?.method ?? "GET";
    const withDocument = method === "POST" ? JSON.parse(init.body).query !== undefined : String(input).includes("query=");
    const response = await fetch(input, init);
    sent.push(`${method} ${withDocument ? "with-document" : "hash-only"} -> ${response.status}`);
    return response;
  };
}

function client(useGETForHashedQueries) {
  const sent = [];
  const link = new PersistedQueryLink({ sha256, useGETForHashedQueries }).concat(
    new HttpLink({ uri: url, fetch: recordingFetch(sent), headers: { authorization: `Bearer ${token}` } }),
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
  `apollo post: ${first.sent.join(", ")}; profile ${registered.data?.profile?.[run]}`);

const second = client(true);
const byHash = await second.apollo.query({ query: PROFILE, fetchPolicy: "network-only" });
check(byHash.data?.profile?.id === registered.data?.profile?.id && second.sent.length === 1
    && second.sent[0] === "GET hash-only -> 200",
  `apollo get: ${second.sent.join(", ")}; profile ${byHash.data?.profile?.[run]}`);

function urqlClient() {
  const sent = [];
  const urql = new Client({
    url,
    exchanges: [persistedExchange(), fetchExchange],
    fetch: recordingFetch(sent),
    fetchOptions: { headers: { authorization: `Bearer ${token}` } },
  });
  return { urql, sent };
}

const urqlFirst = urqlClient();
const urqlRegistered = await urqlFirst.urql.query(URQL_PROFILE, {}, { requestPolicy: "network-only" }).toPromise();
check(urqlRegistered.data?.profile?.id !== undefined && urqlFirst.sent.length === 2
    && urqlFirst.sent[0].startsWith("GET hash-only") && urqlFirst.sent[1].endsWith("with-document -> 200"),
  `urql first: ${urqlFirst.sent.join(", ")}; profile ${urqlRegistered.data?.profile?.[run]}`
    + (urqlRegistered.error ? `; error ${urqlRegistered.error.message}` : ""));

const urqlSecond = urqlClient();
const urqlByHash = await urqlSecond.urql.query(URQL_PROFILE, {}, { requestPolicy: "network-only" }).toPromise();
check(urqlByHash.data?.profile?.id === urqlRegistered.data?.profile?.id && urqlSecond.sent.length === 1
    && urqlSecond.sent[0] === "GET hash-only -> 200",
  `urql second: ${urqlSecond.sent.join(", ")}; profile ${urqlByHash.data?.profile?.[run]}`
    + (urqlByHash.error ? `; error ${urqlByHash.error.message}` : ""));

process.exit(failed ? 1 : 0);
