package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.UUID;

/** A stored user, without credentials: the password hash never leaves the repository adapter and the hasher. */
public record User(UUID id, String username, String email, String displayName, Instant createdAt, long version) {
}
