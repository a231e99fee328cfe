package dev.authgateway.gateway.domain;

/** What signup and login answer: a bearer token and whom it is for. */
public record AuthResult(String accessToken, String tokenType, long expiresIn, User user) {

    static AuthResult of(AccessTokens.IssuedToken token, User user) {
        return new AuthResult(token.token(), "Bearer", token.expiresIn().toSeconds(), user);
    }

    @Override
    public String toString() {
        return "AuthResult[user=" + user.id() + "]";
    }
}
