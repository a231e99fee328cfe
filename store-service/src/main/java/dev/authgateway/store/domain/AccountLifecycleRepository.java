package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The account lifecycle's writes and reads beyond the mail flows. Every method is one PostgreSQL transaction.
 * Implementations raise StoreUnavailableException and DuplicateUserException.
 */
public interface AccountLifecycleRepository {

    /**
     * Deletes the user if its hash is still {@code expectedHash} (else InvalidCredentialsException): sessions and
     * their refresh tokens, mailed tokens, second factor, recovery codes, login challenges, the outbox rows addressed
     * to it, the user row; then writes {@code notice} (addressed, not tied to the deleted id). The sessions that were
     * open.
     */
    List<UUID> deleteUser(UUID userId, String expectedHash, String canonicalEmail, ComposedMail notice, Instant now);

    /**
     * The confirmation link to the new address (its token replaces the user's open email-change tokens) and the notice
     * to the current one, under the limit of the new address (its canonical form) and of the account, as
     * {@link AccountMailRepository#enqueue}.
     */
    void requestEmailChange(NewToken token, ComposedMail confirmation, String newEmailKey, ComposedMail notice,
                            MailLimit limit, Instant now);

    /**
     * Spends the open email-change token and makes its address the user's, verified (ALREADY_EXISTS as
     * DuplicateUserException when another account has it: nothing is written, the token stays open). Open
     * verification, reset and email-change tokens of the user stop working. The user as written, or empty when
     * the token does not work.
     */
    Optional<User> confirmEmailChange(byte[] tokenHash, String canonicalEmail, Instant now);

    /** The account's stored facts, without its sessions. */
    Optional<ExportedAccount> export(UUID userId);
}
