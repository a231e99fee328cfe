/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username } } }": typeof types.SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn } }": typeof types.LoginDocument,
    "query Profile { profile { id username email displayName createdAt } }": typeof types.ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken } }": typeof types.RefreshDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
};
const documents: Documents = {
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username } } }": types.SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn } }": types.LoginDocument,
    "query Profile { profile { id username email displayName createdAt } }": types.ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken } }": types.RefreshDocument,
    "mutation Logout { logout }": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username } } }"): typeof import('./graphql').SignupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn } }"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Profile { profile { id username email displayName createdAt } }"): typeof import('./graphql').ProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Refresh { refreshToken { accessToken expiresIn refreshToken } }"): typeof import('./graphql').RefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
