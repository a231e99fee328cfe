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
    "query ExportAccount { exportAccount }": typeof types.ExportAccountDocument,
    "mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }": typeof types.RequestEmailChangeDocument,
    "mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) }": typeof types.ConfirmEmailChangeDocument,
    "mutation DeleteAccount($currentPassword: String!, $code: String) { deleteAccount(currentPassword: $currentPassword, code: $code) }": typeof types.DeleteAccountDocument,
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }": typeof types.SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.LoginDocument,
    "mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.VerifySecondFactorDocument,
    "query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }": typeof types.ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.RefreshDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }": typeof types.VerifyEmailDocument,
    "mutation ResendVerification { resendVerification }": typeof types.ResendVerificationDocument,
    "mutation StartPasskeyRegistration { startPasskeyRegistration { optionsJson expiresInSeconds } }": typeof types.StartPasskeyRegistrationDocument,
    "mutation FinishPasskeyRegistration($response: String!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt } }": typeof types.FinishPasskeyRegistrationDocument,
    "query Passkeys { profile { passkeys { id name createdAt lastUsedAt } } }": typeof types.PasskeysDocument,
    "mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }": typeof types.RemovePasskeyDocument,
    "mutation StartPasskeyLogin { startPasskeyLogin { requestId optionsJson expiresInSeconds } }": typeof types.StartPasskeyLoginDocument,
    "mutation FinishPasskeyLogin($requestId: String!, $response: String!) { finishPasskeyLogin(requestId: $requestId, response: $response) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.FinishPasskeyLoginDocument,
    "mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }": typeof types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }": typeof types.ResetPasswordDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": typeof types.ChangePasswordDocument,
    "query Sessions { sessions { id device clientAddress createdAt lastUsedAt expiresAt current } }": typeof types.SessionsDocument,
    "mutation EndSession($id: ID!) { endSession(id: $id) }": typeof types.EndSessionDocument,
    "mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }": typeof types.EnrollTotpDocument,
    "mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }": typeof types.ConfirmTotpDocument,
    "mutation DisableTotp($code: String!) { disableTotp(code: $code) }": typeof types.DisableTotpDocument,
};
const documents: Documents = {
    "query ExportAccount { exportAccount }": types.ExportAccountDocument,
    "mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }": types.RequestEmailChangeDocument,
    "mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) }": types.ConfirmEmailChangeDocument,
    "mutation DeleteAccount($currentPassword: String!, $code: String) { deleteAccount(currentPassword: $currentPassword, code: $code) }": types.DeleteAccountDocument,
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }": types.SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }": types.LoginDocument,
    "mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": types.VerifySecondFactorDocument,
    "query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }": types.ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": types.RefreshDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }": types.VerifyEmailDocument,
    "mutation ResendVerification { resendVerification }": types.ResendVerificationDocument,
    "mutation StartPasskeyRegistration { startPasskeyRegistration { optionsJson expiresInSeconds } }": types.StartPasskeyRegistrationDocument,
    "mutation FinishPasskeyRegistration($response: String!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt } }": types.FinishPasskeyRegistrationDocument,
    "query Passkeys { profile { passkeys { id name createdAt lastUsedAt } } }": types.PasskeysDocument,
    "mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }": types.RemovePasskeyDocument,
    "mutation StartPasskeyLogin { startPasskeyLogin { requestId optionsJson expiresInSeconds } }": types.StartPasskeyLoginDocument,
    "mutation FinishPasskeyLogin($requestId: String!, $response: String!) { finishPasskeyLogin(requestId: $requestId, response: $response) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": types.FinishPasskeyLoginDocument,
    "mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }": types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }": types.ResetPasswordDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": types.ChangePasswordDocument,
    "query Sessions { sessions { id device clientAddress createdAt lastUsedAt expiresAt current } }": types.SessionsDocument,
    "mutation EndSession($id: ID!) { endSession(id: $id) }": types.EndSessionDocument,
    "mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }": types.EnrollTotpDocument,
    "mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }": types.ConfirmTotpDocument,
    "mutation DisableTotp($code: String!) { disableTotp(code: $code) }": types.DisableTotpDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExportAccount { exportAccount }"): typeof import('./graphql').ExportAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) { requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword) }"): typeof import('./graphql').RequestEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmEmailChange($token: String!) { confirmEmailChange(token: $token) }"): typeof import('./graphql').ConfirmEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteAccount($currentPassword: String!, $code: String) { deleteAccount(currentPassword: $currentPassword, code: $code) }"): typeof import('./graphql').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }"): typeof import('./graphql').SignupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }"): typeof import('./graphql').VerifySecondFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }"): typeof import('./graphql').ProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }"): typeof import('./graphql').RefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }"): typeof import('./graphql').VerifyEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResendVerification { resendVerification }"): typeof import('./graphql').ResendVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartPasskeyRegistration { startPasskeyRegistration { optionsJson expiresInSeconds } }"): typeof import('./graphql').StartPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FinishPasskeyRegistration($response: String!, $name: String) { finishPasskeyRegistration(response: $response, name: $name) { id name createdAt lastUsedAt } }"): typeof import('./graphql').FinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Passkeys { profile { passkeys { id name createdAt lastUsedAt } } }"): typeof import('./graphql').PasskeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemovePasskey($id: ID!) { removePasskey(id: $id) }"): typeof import('./graphql').RemovePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartPasskeyLogin { startPasskeyLogin { requestId optionsJson expiresInSeconds } }"): typeof import('./graphql').StartPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FinishPasskeyLogin($requestId: String!, $response: String!) { finishPasskeyLogin(requestId: $requestId, response: $response) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }"): typeof import('./graphql').FinishPasskeyLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Sessions { sessions { id device clientAddress createdAt lastUsedAt expiresAt current } }"): typeof import('./graphql').SessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndSession($id: ID!) { endSession(id: $id) }"): typeof import('./graphql').EndSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }"): typeof import('./graphql').EnrollTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }"): typeof import('./graphql').ConfirmTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DisableTotp($code: String!) { disableTotp(code: $code) }"): typeof import('./graphql').DisableTotpDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
