package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Passkeys (WebAuthn credentials) and the state of their ceremonies. Every method is atomic on its own; a ceremony is
 * taken (read and deleted) in one statement, so of two requests with the same one, only one gets it.
 */
public interface PasskeyRepository {

    /** Stores a new credential; a credential id already stored raises {@link DuplicatePasskeyException}. */
    void insert(StoredPasskey passkey);

    /** The user's passkeys, oldest first. */
    List<StoredPasskey> ofUser(UUID userId);

    Optional<StoredPasskey> byCredentialId(byte[] credentialId);

    /**
     * Records a login with the credential: its signature counter moves to {@code signatureCount} only forward (or stays
     * at zero for authenticators that keep none); false, and nothing recorded, when the stored counter is not below it.
     */
    boolean recordUse(byte[] credentialId, long signatureCount, Instant now);

    /** Removes the user's passkey with this id; false when the user has none with it. */
    boolean remove(UUID userId, UUID passkeyId);

    void saveCeremony(byte[] keyHash, CeremonyKind kind, UUID userId, String requestJson, Instant now,
                      Instant expiresAt);

    /**
     * Deletes and answers the unexpired ceremony of this kind under the key (for a registration, only the given user's;
     * {@code userId} null for a login, whatever user it names).
     */
    Optional<Ceremony> takeCeremony(byte[] keyHash, CeremonyKind kind, UUID userId, Instant now);

    /** Drops ceremonies that expired before {@code now}; how many. */
    int deleteExpiredCeremonies(Instant now);

    enum CeremonyKind { REGISTRATION, LOGIN }

    /** A ceremony's state as the relying party wrote it, and the user it is for (null: a discoverable login). */
    record Ceremony(UUID userId, String requestJson) {
    }

    record StoredPasskey(UUID id, UUID userId, byte[] credentialId, byte[] userHandle, byte[] publicKeyCose,
                         long signatureCount, List<String> transports, String name, Instant createdAt,
                         Instant lastUsedAt) {

        public Passkey summary() {
            return new Passkey(id, name, createdAt, lastUsedAt);
        }

        @Override
        public String toString() {
            return "StoredPasskey[" + id + ", user=" + userId + "]";
        }
    }
}
