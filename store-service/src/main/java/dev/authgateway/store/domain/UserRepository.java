package dev.authgateway.store.domain;

import java.util.Optional;
import java.util.UUID;

/** Where users live. Implementations raise DuplicateUserException and StoreUnavailableException. */
public interface UserRepository {

    /** Inserts atomically; a username or email taken case-insensitively raises DuplicateUserException. */
    User insert(UUID id, SignUp signUp, String passwordHash);

    Optional<User> findById(UUID id);

    /** The user and stored hash for a login, matched case-insensitively against username, or email if it has '@'. */
    Optional<StoredCredentials> findCredentials(String login);

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
