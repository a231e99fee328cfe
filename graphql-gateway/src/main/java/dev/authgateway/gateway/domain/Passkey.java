package dev.authgateway.gateway.domain;

import java.time.Instant;

/** A passkey as its owner sees it; {@code lastUsedAt} is null until it is first used to log in. */
public record Passkey(String id, String name, Instant createdAt, Instant lastUsedAt) {
}
