package dev.authgateway.gateway.domain;

import java.time.Instant;

/** A login session's next refresh token, or, when reuseDetected, the session that was ended because of reuse. */
public record Session(String refreshToken, String sessionId, String userId, Instant expiresAt, boolean reuseDetected) {

    @Override
    public String toString() {
        return "Session[" + sessionId + ", reuse=" + reuseDetected + "]";
    }
}
