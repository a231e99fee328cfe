// Apollo Client 4 as a frontend sets it up: one HttpLink to the gateway, the access token added to every request by
// a SetContextLink, an InMemoryCache. With the default errorPolicy ('none') a GraphQL error rejects the promise with
// CombinedGraphQLErrors; the typed code is in its errors[i].extensions.code.
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client/core';
import { SetContextLink } from '@apollo/client/link/context';
import assert from 'node:assert/strict';

export const name = 'apollo-client';

export function createClient(url, accessToken) {
  const auth = new SetContextLink(({ headers }) => ({
    headers: accessToken() ? { ...headers, authorization: `Bearer ${accessToken()}` } : headers,
  }));
  const client = new ApolloClient({ link: auth.concat(new HttpLink({ uri: url })), cache: new InMemoryCache() });
  return {
    async query(document, variables) {
      // network-only: the profile after logout must ask the gateway, not the cache.
      const { data } = await client.query({ query: gql(document), variables, fetchPolicy: 'network-only' });
      return data;
    },
    async mutate(document, variables) {
      const { data } = await client.mutate({ mutation: gql(document), variables });
      return data;
    },
  };
}

/** The first GraphQL error where Apollo's users read it. */
export function graphQLError(error) {
  assert.ok(CombinedGraphQLErrors.is(error), `expected CombinedGraphQLErrors, got ${error?.name}: ${error?.message}`);
  return error.errors[0];
}
