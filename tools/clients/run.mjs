// The client-compatibility suite: the same journey (journey.mjs) with Apollo Client, urql and graphql-request, one
// after the other, against the gateway at the given URL. Exits 1 on the first failure.
//   node tools/clients/run.mjs http://127.0.0.1:8080/graphql [suffix]
// Usernames are <client>_<suffix>; the suffix defaults to the time in base 36, so reruns do not collide.
import * as apollo from './apollo.mjs';
import * as graphqlRequest from './graphql-request.mjs';
import { runJourney } from './journey.mjs';
import * as urql from './urql.mjs';

const [url, suffix = Date.now().toString(36)] = process.argv.slice(2);
if (!url || !/^https?:\/\//.test(url) || !/^[A-Za-z0-9_.-]{1,20}$/.test(suffix)) {
  console.error('usage: node tools/clients/run.mjs <gateway GraphQL URL, e.g. http://127.0.0.1:8080/graphql> '
      + '[username suffix: 1-20 of A-Z a-z 0-9 _ . -]');
  process.exit(2);
}

const clients = [[apollo, 'apollo'], [urql, 'urql'], [graphqlRequest, 'gqlreq']];
try {
  for (const [client, prefix] of clients) {
    await runJourney(client, url, `${prefix}_${suffix}`);
  }
  console.log(`all ${clients.length} clients completed the journey against ${url}`);
} catch (error) {
  console.error(`FAILED ${error.message}`);
  process.exit(1);
}
