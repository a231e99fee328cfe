package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions and their refresh-token hashes. */
public interface SessionRepository {

    void insertSession(UUID sessionId, UUID userId, Instant now, Instant expiresAt);

    /** A new session with the device it was started from; last used now. */
    void insertSession(UUID sessionId, UUID userId, Instant now, Instant expiresAt, SessionDevice device);

    /** The session was refreshed now from this device (an unknown device keeps the one recorded). */
    void touchSession(UUID sessionId, Instant now, SessionDevice device);

    /** The user's open, unexpired sessions, newest first. */
    List<SessionDetails> openSessions(UUID userId, Instant now);

    void insertToken(byte[] tokenHash, UUID sessionId, Instant now);

    /** Marks the token used if it was unused; the session it belongs to, or empty if it was unknown or spent. */
    Optional<UUID> spendToken(byte[] tokenHash, Instant now);

    /** The session of a token, spent or not. */
    Optional<UUID> sessionOfToken(byte[] tokenHash);

    /** The open, unexpired session's user and end. */
    Optional<OpenSession> openSession(UUID sessionId, Instant now);

    /** Ends the session if it is the user's and still open; whether it did. */
    boolean endSession(UUID sessionId, UUID userId, Instant now);

    /** Ends every open session of the user; their ids. */
    List<UUID> endAllSessions(UUID userId, Instant now);

    /** Ends the session whatever its owner (refresh-token reuse). */
    void endSession(UUID sessionId, Instant now);

    record OpenSession(UUID sessionId, UUID userId, Instant expiresAt) {
    }
}
