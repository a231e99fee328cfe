// graphql-request as a frontend sets it up: a GraphQLClient whose headers are a function, so each request carries
// the current access token. A GraphQL error rejects with ClientError; response.errors[i].extensions.code is the
// typed code.
import { ClientError, GraphQLClient } from 'graphql-request';
import assert from 'node:assert/strict';

export const name = 'graphql-request';

export function createClient(url, accessToken) {
  const client = new GraphQLClient(url, {
    headers: () => (accessToken() ? { authorization: `Bearer ${accessToken()}` } : {}),
  });
  return {
    query: (document, variables) => client.request(document, variables),
    mutate: (document, variables) => client.request(document, variables),
  };
}

/** The first GraphQL error where graphql-request's users read it. */
export function graphQLError(error) {
  assert.ok(error instanceof ClientError, `expected ClientError, got ${error?.name}: ${error?.message}`);
  return error.response.errors[0];
}
