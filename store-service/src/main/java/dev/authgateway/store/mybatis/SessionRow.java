package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.UUID;

import dev.authgateway.store.domain.SessionRepository;

/** A row of sessions as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class SessionRow {

    private UUID sessionId;
    private UUID userId;
    private Instant expiresAt;

    SessionRepository.OpenSession toOpenSession() {
        return new SessionRepository.OpenSession(sessionId, userId, expiresAt);
    }
}
