// The documents a frontend sends, as plain strings: urql and graphql-request take them as they are, Apollo Client
// parses them with gql. Field lists follow graphql-gateway/src/main/resources/schema.graphql.
const USER = '{ id username email displayName createdAt }';

export const SIGNUP = `mutation Signup($input: SignupInput!) {
  signup(input: $input) { accessToken tokenType expiresIn refreshToken refreshExpiresIn user ${USER} }
}`;
export const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken tokenType expiresIn refreshToken refreshExpiresIn user ${USER} }
}`;
export const PROFILE = `query Profile { profile ${USER} }`;
export const UPDATE_PROFILE = `mutation UpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) ${USER} }`;
export const REFRESH_TOKEN = `mutation RefreshToken($token: String!) {
  refreshToken(token: $token) { accessToken tokenType expiresIn refreshToken refreshExpiresIn user ${USER} }
}`;
export const LOGOUT = 'mutation Logout { logout }';
