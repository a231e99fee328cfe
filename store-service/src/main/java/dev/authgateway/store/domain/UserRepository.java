package dev.authgateway.store.domain;

import java.util.Optional;
import java.util.UUID;

/** Where users live. Implementations raise DuplicateUserException and StoreUnavailableException. */
public interface UserRepository {

    /** Inserts atomically; a username or email whose canonical form is taken raises DuplicateUserException. */
    User insert(UUID id, SignUp signUp, String passwordHash);

    Optional<User> findById(UUID id);

    /** The user and stored hash whose canonical username (or email) is the login's. */
    Optional<StoredCredentials> findCredentials(CanonicalLogin login);

    Optional<User> updateDisplayName(UUID id, String displayName);

    /** Replaces the hash only if it is still {@code expected}, so a concurrent change is never overwritten. */
    void replacePasswordHash(UUID id, String expected, String replacement);

    record StoredCredentials(User user, String passwordHash) {
        @Override
        public String toString() {
            return "StoredCredentials[user=" + user.id() + "]";
        }
    }
}
