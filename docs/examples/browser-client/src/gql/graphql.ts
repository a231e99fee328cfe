/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ChangePasswordInput = {
  currentPassword: string;
  /** The password rules of signup: 10-256 characters, hard to guess for this account. */
  newPassword: string;
};

export type LoginInput = {
  /** Username or email, in any case. */
  login: string;
  password: string;
};

export type ResetPasswordInput = {
  /** The password rules of signup: 10-256 characters, hard to guess for this account. */
  newPassword: string;
  /** The token from the reset mail's link. */
  token: string;
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

export type ExportAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportAccountQuery = { exportAccount: string };

export type RequestEmailChangeMutationVariables = Exact<{
  newEmail: string;
  currentPassword: string;
}>;


export type RequestEmailChangeMutation = { requestEmailChange: boolean };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailChangeMutation = { confirmEmailChange: boolean };

export type DeleteAccountMutationVariables = Exact<{
  currentPassword: string;
  code?: string | null | undefined;
}>;


export type DeleteAccountMutation = { deleteAccount: boolean };

export type SignupMutationVariables = Exact<{
  input: SignupInput;
}>;


export type SignupMutation = { signup: { accessToken: string, user: { id: string, username: string, email: string, displayName: string, emailVerified: boolean, secondFactorEnabled: boolean } } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, expiresIn: number, refreshToken: string | null, refreshExpiresIn: number, user: { username: string, email: string, displayName: string, emailVerified: boolean, secondFactorEnabled: boolean } } };

export type VerifySecondFactorMutationVariables = Exact<{
  challenge: string;
  code: string;
}>;


export type VerifySecondFactorMutation = { verifySecondFactor: { accessToken: string, expiresIn: number, refreshToken: string | null, user: { username: string, email: string, displayName: string, emailVerified: boolean, secondFactorEnabled: boolean } } };

export type ProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type ProfileQuery = { profile: { id: string, username: string, email: string, displayName: string, createdAt: string, emailVerified: boolean, secondFactorEnabled: boolean } };

export type RefreshMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshMutation = { refreshToken: { accessToken: string, expiresIn: number, refreshToken: string | null, user: { username: string, email: string, displayName: string, emailVerified: boolean, secondFactorEnabled: boolean } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: boolean };

export type ResendVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationMutation = { resendVerification: boolean };

export type StartPasskeyRegistrationMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeyRegistrationMutation = { startPasskeyRegistration: { optionsJson: string, expiresInSeconds: number } };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  response: string;
  name?: string | null | undefined;
}>;


export type FinishPasskeyRegistrationMutation = { finishPasskeyRegistration: { id: string, name: string, createdAt: string, lastUsedAt: string | null } };

export type PasskeysQueryVariables = Exact<{ [key: string]: never; }>;


export type PasskeysQuery = { profile: { passkeys: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null }> } };

export type RemovePasskeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RemovePasskeyMutation = { removePasskey: boolean };

export type StartPasskeyLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeyLoginMutation = { startPasskeyLogin: { requestId: string, optionsJson: string, expiresInSeconds: number } };

export type FinishPasskeyLoginMutationVariables = Exact<{
  requestId: string;
  response: string;
}>;


export type FinishPasskeyLoginMutation = { finishPasskeyLogin: { accessToken: string, expiresIn: number, refreshToken: string | null, user: { username: string, email: string, displayName: string, emailVerified: boolean, secondFactorEnabled: boolean } } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { sessions: Array<{ id: string, device: string, clientAddress: string, createdAt: string, lastUsedAt: string, expiresAt: string, current: boolean }> };

export type EndSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type EndSessionMutation = { endSession: boolean };

export type EnrollTotpMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollTotpMutation = { enrollTotp: { qrCodeSvg: string, secret: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpMutation = { confirmTotp: { recoveryCodes: Array<string> } };

export type DisableTotpMutationVariables = Exact<{
  code: string;
}>;


export type DisableTotpMutation = { disableTotp: boolean };

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

export const ExportAccountDocument = new TypedDocumentString(`
    query ExportAccount {
  exportAccount
}
    `, {"hash":"sha256:d177d5d12f354661455f00595c56d14ea4cd854d23fcdd124dd30e8c2ec3a908"}) as unknown as TypedDocumentString<ExportAccountQuery, ExportAccountQueryVariables>;
export const RequestEmailChangeDocument = new TypedDocumentString(`
    mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
  requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
}
    `, {"hash":"sha256:c68003ea325d8bbeddf570ec2770336858cf4c94c3b718a323fbbc150a95d311"}) as unknown as TypedDocumentString<RequestEmailChangeMutation, RequestEmailChangeMutationVariables>;
export const ConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConfirmEmailChange($token: String!) {
  confirmEmailChange(token: $token)
}
    `, {"hash":"sha256:25a1e59daafda1f9bcf6e5f5e227645aae0fa0a60ee194f2ce895ea56bf4c796"}) as unknown as TypedDocumentString<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($currentPassword: String!, $code: String) {
  deleteAccount(currentPassword: $currentPassword, code: $code)
}
    `, {"hash":"sha256:5e56148ed120b7c732100de661256dcee06f14a3981a69261736bd1617f9b73c"}) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const SignupDocument = new TypedDocumentString(`
    mutation Signup($input: SignupInput!) {
  signup(input: $input) {
    accessToken
    user {
      id
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, {"hash":"sha256:31d0cb1d2a9e91af668035e12bf60c336048256863b16a48f95d65cfa36b64ab"}) as unknown as TypedDocumentString<SignupMutation, SignupMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken
    expiresIn
    refreshToken
    refreshExpiresIn
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, {"hash":"sha256:d4049702d99107b0f6a700a1104ff1aa40620e191f6aa21d6667eea9b4deff7c"}) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const VerifySecondFactorDocument = new TypedDocumentString(`
    mutation VerifySecondFactor($challenge: String!, $code: String!) {
  verifySecondFactor(challenge: $challenge, code: $code) {
    accessToken
    expiresIn
    refreshToken
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, {"hash":"sha256:35a0c9d64714a2db07293ed36f2eb979c33cbd147a0a88a073613e7254a285da"}) as unknown as TypedDocumentString<VerifySecondFactorMutation, VerifySecondFactorMutationVariables>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile {
  profile {
    id
    username
    email
    displayName
    createdAt
    emailVerified
    secondFactorEnabled
  }
}
    `, {"hash":"sha256:5951c547a390c6e8cd82571b2ecd23d6973b509fed9b2131267127299f89f4b6"}) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh {
  refreshToken {
    accessToken
    expiresIn
    refreshToken
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, {"hash":"sha256:515e9c38705e88d5317efbf34b88a650b7ce6658fdccab1e24983925260c97b1"}) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `, {"hash":"sha256:cb1d14c1cc99a25294cfa4376de2402364cb32e6c038a11fb36cf0ebb3a5ce91"}) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token)
}
    `, {"hash":"sha256:e181c0252bb83738f80e73ba6d552f4d74094330efb9de5c162ff275473d84d9"}) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const ResendVerificationDocument = new TypedDocumentString(`
    mutation ResendVerification {
  resendVerification
}
    `, {"hash":"sha256:5ca8eecae14831be2bf419ba8e4416f54336f71b3db47a0dd51510ac19725d5b"}) as unknown as TypedDocumentString<ResendVerificationMutation, ResendVerificationMutationVariables>;
export const StartPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation StartPasskeyRegistration {
  startPasskeyRegistration {
    optionsJson
    expiresInSeconds
  }
}
    `, {"hash":"sha256:fc6bc1b58dc966b7bbe22a4f7ac0110dd2712c4077d3df052558a510272660fe"}) as unknown as TypedDocumentString<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation FinishPasskeyRegistration($response: String!, $name: String) {
  finishPasskeyRegistration(response: $response, name: $name) {
    id
    name
    createdAt
    lastUsedAt
  }
}
    `, {"hash":"sha256:d250eb5fa406c5bb287316ad7fc48cfc01201dfc016f9133f250b6d0da7f810f"}) as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const PasskeysDocument = new TypedDocumentString(`
    query Passkeys {
  profile {
    passkeys {
      id
      name
      createdAt
      lastUsedAt
    }
  }
}
    `, {"hash":"sha256:03e612eda9c9671327e3c690118e77dc75df8bcf20168b9455df513911e788af"}) as unknown as TypedDocumentString<PasskeysQuery, PasskeysQueryVariables>;
export const RemovePasskeyDocument = new TypedDocumentString(`
    mutation RemovePasskey($id: ID!) {
  removePasskey(id: $id)
}
    `, {"hash":"sha256:d58cbcf230325ca410a24807ad1b01cafa763a789fb2d48fd1f1f692ad9dc10b"}) as unknown as TypedDocumentString<RemovePasskeyMutation, RemovePasskeyMutationVariables>;
export const StartPasskeyLoginDocument = new TypedDocumentString(`
    mutation StartPasskeyLogin {
  startPasskeyLogin {
    requestId
    optionsJson
    expiresInSeconds
  }
}
    `, {"hash":"sha256:7938ebbd68dbd6afdef42acc3ce899399056a0bd0f283b74d246244e21111500"}) as unknown as TypedDocumentString<StartPasskeyLoginMutation, StartPasskeyLoginMutationVariables>;
export const FinishPasskeyLoginDocument = new TypedDocumentString(`
    mutation FinishPasskeyLogin($requestId: String!, $response: String!) {
  finishPasskeyLogin(requestId: $requestId, response: $response) {
    accessToken
    expiresIn
    refreshToken
    user {
      username
      email
      displayName
      emailVerified
      secondFactorEnabled
    }
  }
}
    `, {"hash":"sha256:ebd5cb41954063bb3fa10af8261360ef3f31956adf732d7a0cacb630b67bf3aa"}) as unknown as TypedDocumentString<FinishPasskeyLoginMutation, FinishPasskeyLoginMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `, {"hash":"sha256:5ac89982dc149995bab85b93caab9976bbc3fd5994fbf4173153f8686dba9d72"}) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input)
}
    `, {"hash":"sha256:5c8ccf52fa6849e6130938f2b7f0898c8a9872b780ff44f891c84b38dd96fc24"}) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input)
}
    `, {"hash":"sha256:b71997bdb2cee8b9b73900d61cd376d4d1ebc42c845f2e2ffc4970107955c2b1"}) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SessionsDocument = new TypedDocumentString(`
    query Sessions {
  sessions {
    id
    device
    clientAddress
    createdAt
    lastUsedAt
    expiresAt
    current
  }
}
    `, {"hash":"sha256:d4421f1ead6313c5c40ca341ca9a09a0f1f6853befd5b291f861cd566bcf5fcf"}) as unknown as TypedDocumentString<SessionsQuery, SessionsQueryVariables>;
export const EndSessionDocument = new TypedDocumentString(`
    mutation EndSession($id: ID!) {
  endSession(id: $id)
}
    `, {"hash":"sha256:67188c8e2ce8c2ea48c1bd4d57c0a8a15dc811c26d6565548a58888de31ab5fc"}) as unknown as TypedDocumentString<EndSessionMutation, EndSessionMutationVariables>;
export const EnrollTotpDocument = new TypedDocumentString(`
    mutation EnrollTotp {
  enrollTotp {
    qrCodeSvg
    secret
  }
}
    `, {"hash":"sha256:71b7b85049970351d9a4c3660449e594fe591d318837c77b53c3e7605400663b"}) as unknown as TypedDocumentString<EnrollTotpMutation, EnrollTotpMutationVariables>;
export const ConfirmTotpDocument = new TypedDocumentString(`
    mutation ConfirmTotp($code: String!) {
  confirmTotp(code: $code) {
    recoveryCodes
  }
}
    `, {"hash":"sha256:ef2e8f02c09a0365c2ef90df743a5e9ebc83802361f9bfc8925e10ec28574efb"}) as unknown as TypedDocumentString<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const DisableTotpDocument = new TypedDocumentString(`
    mutation DisableTotp($code: String!) {
  disableTotp(code: $code)
}
    `, {"hash":"sha256:c1e63969210755f0addebaf5e1d65bb9ff34bd5201988218b1b3e07d37d179bf"}) as unknown as TypedDocumentString<DisableTotpMutation, DisableTotpMutationVariables>;