package dev.authgateway.gateway.domain;

import java.time.Instant;

/** A user as the API shows it. */
public record User(String id, String username, String email, String displayName, Instant createdAt) {
}
