package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.UUID;

/** A passkey as its owner sees it in a list; {@code lastUsedAt} is null until it is first used to log in. */
public record Passkey(UUID id, String name, Instant createdAt, Instant lastUsedAt) {
}
