package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.UUID;

/** An open session as its owner may see it: never a token or a hash. */
public record SessionDetails(UUID sessionId, String userAgent, String clientAddress, Instant createdAt,
                             Instant lastUsedAt, Instant expiresAt) {
}
