package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.UUID;

import dev.authgateway.store.domain.SessionDetails;

/** An open session with its device, as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class SessionDetailsRow {

    private UUID id;
    private String userAgent;
    private String clientAddress;
    private Instant createdAt;
    private Instant lastUsedAt;
    private Instant expiresAt;

    SessionDetails toDetails() {
        return new SessionDetails(id, userAgent, clientAddress, createdAt,
                lastUsedAt == null ? createdAt : lastUsedAt, expiresAt);
    }
}
