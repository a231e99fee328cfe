package dev.authgateway.gateway.domain;

import java.time.Duration;

/** Issues and checks the bearer tokens that prove who a caller is. */
public interface AccessTokens {

    IssuedToken issue(String userId, String sessionId);

    /** Whom the token was issued to; UNAUTHENTICATED if the token is not one of ours, altered or expired. */
    Caller verify(String token);

    record IssuedToken(String token, Duration expiresIn) {
        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresIn + "]";
        }
    }
}
