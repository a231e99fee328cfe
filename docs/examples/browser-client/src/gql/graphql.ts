/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type LoginInput = {
  /** Username or email, in any case. */
  login: string;
  password: string;
};

export type SignupInput = {
  /** 1-64 characters (PRECIS Nickname, RFC 8266) with at least one visible character; no control, invisible or bidi-control characters. */
  displayName: string;
  /** A valid address, at most 254 characters, no control, invisible or bidi-control characters. Unique in its canonical form (lower-cased, NFC). */
  email: string;
  /** 10-256 characters (PRECIS OpaqueString, RFC 8265): any printable characters, no control characters. */
  password: string;
  /** 3-32 characters: letters, digits, '_', '.', '-'; starts with a letter or digit. Unique in its canonical form (PRECIS UsernameCaseMapped, RFC 8265). */
  username: string;
};

export type SignupMutationVariables = Exact<{
  input: SignupInput;
}>;


export type SignupMutation = { signup: { accessToken: string, user: { id: string, username: string } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, expiresIn: number, refreshToken: string | null, refreshExpiresIn: number } };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { profile: { id: string, username: string, email: string, displayName: string, createdAt: string } };

export type RefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshMutation = { refreshToken: { accessToken: string, expiresIn: number, refreshToken: string | null } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SignupDocument = new TypedDocumentString(`
    mutation Signup($input: SignupInput!) {
  signup(input: $input) {
    accessToken
    user {
      id
      username
    }
  }
}
    `, {"hash":"sha256:ef334bb8c782db1422b3429ad7539685f875d85c76a8fb2dd5ba3c92e2d5b33a"}) as unknown as TypedDocumentString<SignupMutation, SignupMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    expiresIn
    refreshToken
    refreshExpiresIn
  }
}
    `, {"hash":"sha256:06160646c12b1a40c69f64fb97ae1619225f5f1a74b0a5791e8f7361be23c32a"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile {
  profile {
    id
    username
    email
    displayName
    createdAt
  }
}
    `, {"hash":"sha256:c7b40f57d37b0ee0054864b26c4ef9e4e5ed720273390d8c90ad625d2daac7f0"}) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh {
  refreshToken {
    accessToken
    expiresIn
    refreshToken
  }
}
    `, {"hash":"sha256:ba15282af97ac830e0973453a5bb525abcc89969f76dbaf040c5f044e2200811"}) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `, {"hash":"sha256:cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91"}) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;