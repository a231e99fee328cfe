package dev.authgateway.gateway.domain;

/** What signup, login and refresh answer: a bearer token, the next refresh token, and whom they are for. */
public record AuthResult(String accessToken, String tokenType, long expiresIn, String refreshToken,
                         long refreshExpiresIn, User user) {

    static AuthResult of(AccessTokens.IssuedToken token, Session session, User user, java.time.Instant now) {
        return new AuthResult(token.token(), "Bearer", token.expiresIn().toSeconds(), session.refreshToken(),
                Math.max(0, java.time.Duration.between(now, session.expiresAt()).toSeconds()), user);
    }

    @Override
    public String toString() {
        return "AuthResult[user=" + user.id() + "]";
    }
}
