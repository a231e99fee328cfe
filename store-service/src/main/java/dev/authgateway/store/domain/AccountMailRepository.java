package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts' mailed tokens and the outbox. Every method is one PostgreSQL transaction: the message is written with the
 * change that causes it, or neither is. Implementations raise StoreUnavailableException and DuplicateUserException.
 */
public interface AccountMailRepository {

    /** A new user with its verification token and message. */
    User insertUser(UUID id, SignUp signUp, String passwordHash, NewToken token, ComposedMail mail);

    /**
     * A message (and the token it carries, if any: earlier open tokens of its user and purpose stop working), within
     * the limit: requested messages to the recipient (canonical address) and to the account are counted under a lock
     * of the recipient, so concurrent requests cannot pass it together. Past it: MailRateLimitedException.
     */
    void enqueue(Optional<NewToken> token, ComposedMail mail, String recipientKey, Optional<UUID> userId,
                 MailLimit limit, Instant now);

    /** The open token's user and address, without spending it. */
    Optional<TokenHolder> openToken(byte[] hash, TokenPurpose purpose, Instant now);

    /** Spends the token; marks the account's address verified if it is still the one the token was sent to. */
    Optional<UUID> verifyEmail(byte[] hash, Instant now);

    /**
     * Spends the token (it must still be open and the user's), replaces the hash, spends the user's other open
     * reset tokens, ends every session, writes the notice. The ended sessions, or empty if the token
     * was spent meanwhile (nothing written).
     */
    Optional<List<UUID>> resetPassword(byte[] hash, UUID userId, String passwordHash, ComposedMail notice,
                                       Instant now);

    /**
     * Replaces the hash if it is still {@code expectedHash} (else InvalidCredentialsException), spends open reset
     * tokens, ends every session but {@code keepSession}, writes the notice; the ended sessions.
     */
    List<UUID> changePassword(UUID userId, String expectedHash, String passwordHash, UUID keepSession,
                              ComposedMail notice, Instant now);

    boolean emailVerified(UUID userId);

    Optional<UserRepository.StoredCredentials> credentials(UUID userId);

    record TokenHolder(UUID userId, String email) {
        @Override
        public String toString() {
            return "TokenHolder[user=" + userId + "]";
        }
    }
}
