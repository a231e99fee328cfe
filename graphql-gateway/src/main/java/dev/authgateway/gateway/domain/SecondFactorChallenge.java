package dev.authgateway.gateway.domain;

import java.time.Instant;

/** A login challenge: single use, bound to the user whose password matched, answered with a code before it expires. */
public record SecondFactorChallenge(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "SecondFactorChallenge[expiresAt=" + expiresAt + "]";
    }
}
