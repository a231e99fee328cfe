package dev.authgateway.store.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Login sessions with rotating refresh tokens: opaque (256 random bits), single use, stored only as SHA-256
 * hashes. A spent token presented again means it was stolen or replayed: the whole session ends.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SessionRepository repository;
    private final Duration lifetime;
    private final Clock clock;

    public Sessions(SessionRepository repository, Duration lifetime, Clock clock) {
        this.repository = repository;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Refreshed start(UUID userId) {
        return start(userId, SessionDevice.UNKNOWN);
    }

    public Refreshed start(UUID userId, SessionDevice device) {
        Instant now = clock.instant();
        UUID sessionId = UUID.randomUUID();
        Instant expiresAt = now.plus(lifetime);
        repository.insertSession(sessionId, userId, now, expiresAt, device);
        return new Refreshed(newToken(sessionId, now), sessionId, userId, expiresAt, false);
    }

    public Refreshed refresh(String refreshToken) {
        return refresh(refreshToken, SessionDevice.UNKNOWN);
    }

    public Refreshed refresh(String refreshToken, SessionDevice device) {
        InputRules.checkToken(refreshToken);
        Instant now = clock.instant();
        byte[] hash = hash(refreshToken == null ? "" : refreshToken);
        var spent = repository.spendToken(hash, now);
        if (spent.isEmpty()) {
            var reused = repository.sessionOfToken(hash);
            if (reused.isEmpty()) {
                throw new SessionNotValidException();
            }
            var session = repository.openSession(reused.get(), now);
            repository.endSession(reused.get(), now);
            return new Refreshed(null, reused.get(), session.map(SessionRepository.OpenSession::userId).orElse(null),
                    now, true);
        }
        var session = repository.openSession(spent.get(), now).orElseThrow(SessionNotValidException::new);
        repository.touchSession(session.sessionId(), now, device);
        return new Refreshed(newToken(session.sessionId(), now), session.sessionId(), session.userId(),
                session.expiresAt(), false);
    }

    public List<UUID> end(UUID sessionId, UUID userId) {
        return repository.endSession(sessionId, userId, clock.instant()) ? List.of(sessionId) : List.of();
    }

    /** The user's open sessions, newest first. */
    public List<SessionDetails> list(UUID userId) {
        return repository.openSessions(userId, clock.instant());
    }

    public List<UUID> endAll(UUID userId) {
        return repository.endAllSessions(userId, clock.instant());
    }

    private String newToken(UUID sessionId, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = BASE64URL.encodeToString(secret);
        repository.insertToken(hash(token), sessionId, now);
        return token;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new refresh token for the session, or, when reuseDetected, the session that was just ended. */
    public record Refreshed(String refreshToken, UUID sessionId, UUID userId, Instant expiresAt,
                            boolean reuseDetected) {
        @Override
        public String toString() {
            return "Refreshed[session=" + sessionId + ", reuse=" + reuseDetected + "]";
        }
    }
}
