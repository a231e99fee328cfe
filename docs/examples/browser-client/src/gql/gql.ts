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
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }": typeof types.SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.LoginDocument,
    "mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.VerifySecondFactorDocument,
    "query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }": typeof types.ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": typeof types.RefreshDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }": typeof types.VerifyEmailDocument,
    "mutation ResendVerification { resendVerification }": typeof types.ResendVerificationDocument,
    "mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }": typeof types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }": typeof types.ResetPasswordDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": typeof types.ChangePasswordDocument,
    "mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }": typeof types.EnrollTotpDocument,
    "mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }": typeof types.ConfirmTotpDocument,
    "mutation DisableTotp($code: String!) { disableTotp(code: $code) }": typeof types.DisableTotpDocument,
};
const documents: Documents = {
    "mutation Signup($input: SignupInput!) { signup(input: $input) { accessToken user { id username email displayName emailVerified secondFactorEnabled } } }": types.SignupDocument,
    "mutation Login($input: LoginInput!) { login(input: $input) { accessToken expiresIn refreshToken refreshExpiresIn user { username email displayName emailVerified secondFactorEnabled } } }": types.LoginDocument,
    "mutation VerifySecondFactor($challenge: String!, $code: String!) { verifySecondFactor(challenge: $challenge, code: $code) { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": types.VerifySecondFactorDocument,
    "query Profile { profile { id username email displayName createdAt emailVerified secondFactorEnabled } }": types.ProfileDocument,
    "mutation Refresh { refreshToken { accessToken expiresIn refreshToken user { username email displayName emailVerified secondFactorEnabled } } }": types.RefreshDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "mutation VerifyEmail($token: String!) { verifyEmail(token: $token) }": types.VerifyEmailDocument,
    "mutation ResendVerification { resendVerification }": types.ResendVerificationDocument,
    "mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }": types.RequestPasswordResetDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) }": types.ResetPasswordDocument,
    "mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }": types.ChangePasswordDocument,
    "mutation EnrollTotp { enrollTotp { qrCodeSvg secret } }": types.EnrollTotpDocument,
    "mutation ConfirmTotp($code: String!) { confirmTotp(code: $code) { recoveryCodes } }": types.ConfirmTotpDocument,
    "mutation DisableTotp($code: String!) { disableTotp(code: $code) }": types.DisableTotpDocument,
};

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
