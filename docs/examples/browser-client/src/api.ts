// GraphQL over fetch, and the one credential this page holds: the access token, in memory only (not localStorage),
// sent as "Authorization: Bearer". The refresh token never reaches this script: with app.sessions.refresh-cookie on,
// the gateway keeps it in an HttpOnly cookie on /graphql, sent by the browser because of credentials: "include".
import type { TypedDocumentString } from "./gql/graphql";
import { input } from "./page";

/** A GraphQL error as the gateway writes it: what a client branches on is extensions.code. */
export interface GraphQLError {
  message: string;
  extensions?: {
    code?: string;
    field?: string;
    retryAfterSeconds?: number;
    /** MFA_REQUIRED: the credential of the second step, kept in memory and sent with verifySecondFactor. */
    challenge?: string;
    challengeExpiresInSeconds?: number;
  };
}

/** A GraphQL-over-HTTP answer: data typed by the operation, errors by their extensions.code. */
export interface Answer<TResult> {
  data?: TResult | null;
  errors?: GraphQLError[];
}

/** The signed-in session: its access token, or null. */
export const session: { accessToken: string | null } = { accessToken: null };

export const errorCode = (body: Answer<unknown>): string | undefined => body.errors?.[0]?.extensions?.code;

// NoInfer: the variables' type comes from the operation alone, so a variable the schema lacks is an error.
export async function execute<TResult, TVariables>(
  operation: TypedDocumentString<TResult, TVariables>, variables: NoInfer<TVariables>, token: string | null = null,
): Promise<Answer<TResult>> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json", Accept: "application/graphql-response+json",
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${input("gateway").value}/graphql`, {
    method: "POST", headers, body: JSON.stringify({ query: operation.toString(), variables }), credentials: "include",
  });
  return (await response.json()) as Answer<TResult>;
}

/** The operation with the session's access token (UNAUTHENTICATED without one, as the gateway answers). */
export const executeSignedIn = <TResult, TVariables>(
  operation: TypedDocumentString<TResult, TVariables>, variables: NoInfer<TVariables>,
): Promise<Answer<TResult>> => execute(operation, variables, session.accessToken);
