// urql as a frontend sets it up: a Client with the fetchExchange, the access token added by fetchOptions (a function,
// so each request reads the current token). urql does not throw: a GraphQL error comes back as result.error, a
// CombinedError whose graphQLErrors[i].extensions.code is the typed code.
import { Client, CombinedError, fetchExchange } from '@urql/core';
import assert from 'node:assert/strict';

export const name = 'urql';

export function createClient(url, accessToken) {
  const client = new Client({
    url,
    exchanges: [fetchExchange],
    fetchOptions: () => (accessToken() ? { headers: { authorization: `Bearer ${accessToken()}` } } : {}),
  });
  const unwrap = ({ data, error }) => {
    if (error) {
      throw error;
    }
    return data;
  };
  return {
    query: async (document, variables) => unwrap(await client.query(document, variables ?? {},
        { requestPolicy: 'network-only' }).toPromise()),
    mutate: async (document, variables) => unwrap(await client.mutation(document, variables ?? {}).toPromise()),
  };
}

/** The first GraphQL error where urql's users read it. */
export function graphQLError(error) {
  assert.ok(error instanceof CombinedError, `expected CombinedError, got ${error?.name}: ${error?.message}`);
  assert.equal(error.networkError, undefined, `expected GraphQL errors, got a network error: ${error.message}`);
  return error.graphQLErrors[0];
}
