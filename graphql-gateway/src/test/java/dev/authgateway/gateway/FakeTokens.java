package dev.authgateway.gateway;

import java.time.Duration;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;

/** Tokens that are "token:userId:sessionId" in clear; anything else is refused as a verifier would. */
final class FakeTokens implements AccessTokens {

    @Override
    public IssuedToken issue(String userId, String sessionId) {
        return new IssuedToken("token:" + userId + ":" + sessionId, Duration.ofMinutes(15));
    }

    @Override
    public Caller verify(String token) {
        String[] parts = token.split(":");
        if (parts.length != 3 || !parts[0].equals("token")) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
        }
        return new Caller(parts[1], parts[2]);
    }
}
