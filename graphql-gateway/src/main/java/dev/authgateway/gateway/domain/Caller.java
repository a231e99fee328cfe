package dev.authgateway.gateway.domain;

/** Who is calling, from a verified access token: the user and the login session the token belongs to. */
public record Caller(String userId, String sessionId) {
}
