package dev.authgateway.store.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The account lifecycle by mail: email verification, password reset, password change. Each message is written to
 * the outbox in the transaction of the change that causes it ({@link AccountMailRepository}); mailed tokens are
 * {@link OneTimeToken}s, single use and short-lived; requested messages are limited per address and per account.
 */
public final class AccountMail {

    private final AccountMailRepository repository;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final MailComposer composer;
    private final AccountMailPolicy policy;
    private final Clock clock;

    public AccountMail(AccountMailRepository repository, UserRepository users, PasswordHasher hasher,
                       PasswordPolicy passwordPolicy, MailComposer composer, AccountMailPolicy policy, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.composer = composer;
        this.policy = policy;
        this.clock = clock;
    }

    /** Signup's write: the user, a verification token and the message that carries it, in one transaction. */
    public User insertWithVerification(UUID id, SignUp signUp, String passwordHash) {
        Instant now = clock.instant();
        OneTimeToken token = OneTimeToken.issue();
        ComposedMail mail = composer.compose(MailKind.VERIFY_EMAIL, signUp.email(),
                values(signUp.username(), signUp.displayName(), token));
        return repository.insertUser(id, signUp, passwordHash,
                new NewToken(token.hash(), id, TokenPurpose.VERIFY_EMAIL, signUp.email(), now.plus(policy.verifyTtl())),
                mail);
    }

    /** A new verification link (earlier ones stop working); nothing is sent for a verified address (false). */
    public boolean resendVerification(UUID userId) {
        User user = users.findById(userId).orElseThrow(UserNotFoundException::new);
        if (repository.emailVerified(userId)) {
            return false;
        }
        Instant now = clock.instant();
        OneTimeToken token = OneTimeToken.issue();
        repository.enqueue(Optional.of(new NewToken(token.hash(), userId, TokenPurpose.VERIFY_EMAIL, user.email(),
                        now.plus(policy.verifyTtl()))),
                composer.compose(MailKind.VERIFY_EMAIL, user.email(), values(user.username(), user.displayName(), token)),
                LoginForms.email(user.email()), Optional.of(userId), policy.limit(), now);
        return true;
    }

    public UUID verifyEmail(String token) {
        InputRules.checkToken(token);
        return repository.verifyEmail(OneTimeToken.hash(token), clock.instant())
                .orElseThrow(InvalidTokenException::new);
    }

    /**
     * The same answer, after the same work, whether or not an account uses the address: a token is made and one
     * message written to the outbox either way (a reset link, or a notice that no account uses the address), under
     * the same limit. Delivery is the sender's, outside the request, so SMTP's time cannot tell the two apart.
     */
    public void requestPasswordReset(String typedEmail) {
        List<FieldViolation> violations = new ArrayList<>();
        String email = InputRules.email(typedEmail, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String canonical = LoginForms.email(email);
        Optional<UserRepository.StoredCredentials> found = users.findCredentials(new CanonicalLogin(true, canonical));
        Instant now = clock.instant();
        OneTimeToken token = OneTimeToken.issue();
        if (found.isPresent()) {
            User user = found.get().user();
            repository.enqueue(Optional.of(new NewToken(token.hash(), user.id(), TokenPurpose.RESET_PASSWORD,
                            user.email(), now.plus(policy.resetTtl()))),
                    composer.compose(MailKind.PASSWORD_RESET, user.email(),
                            values(user.username(), user.displayName(), token)),
                    canonical, Optional.of(user.id()), policy.limit(), now);
        } else {
            repository.enqueue(Optional.empty(),
                    composer.compose(MailKind.PASSWORD_RESET_UNKNOWN, email, Map.of("email", email)),
                    canonical, Optional.empty(), policy.limit(), now);
        }
    }

    /**
     * A new password by a reset token: the password policy first (a refused password leaves the token usable), then
     * in one transaction the token is spent, the hash replaced, every session ended and the owner told.
     */
    public PasswordReplaced resetPassword(String token, String newPassword) {
        InputRules.checkToken(token);
        byte[] hash = OneTimeToken.hash(token);
        var holder = repository.openToken(hash, TokenPurpose.RESET_PASSWORD, clock.instant())
                .orElseThrow(InvalidTokenException::new);
        User user = users.findById(holder.userId()).orElseThrow(InvalidTokenException::new);
        String passwordHash = hasher.hash(checkedNewPassword(newPassword, user));
        List<UUID> ended = repository.resetPassword(hash, user.id(), passwordHash, changedNotice(user, "reset"),
                clock.instant()).orElseThrow(InvalidTokenException::new);
        return new PasswordReplaced(user.id(), ended);
    }

    /**
     * A new password for a logged-in user who knows the current one. Every other session ends (whoever else holds
     * the old password or a token of it is out); the caller's own session goes on. The owner is told by mail.
     */
    public PasswordReplaced changePassword(UUID userId, UUID keepSession, String currentPassword, String newPassword) {
        var stored = repository.credentials(userId).orElseThrow(UserNotFoundException::new);
        boolean matches = false;
        for (String candidate : PasswordForms.loginCandidates(currentPassword == null ? "" : currentPassword)) {
            matches |= hasher.matches(candidate, stored.passwordHash());
        }
        if (!matches) {
            throw new InvalidCredentialsException();
        }
        String passwordHash = hasher.hash(checkedNewPassword(newPassword, stored.user()));
        List<UUID> ended = repository.changePassword(userId, stored.passwordHash(), passwordHash, keepSession,
                changedNotice(stored.user(), "changed"), clock.instant());
        return new PasswordReplaced(userId, ended);
    }

    public boolean emailVerified(UUID userId) {
        users.findById(userId).orElseThrow(UserNotFoundException::new);
        return repository.emailVerified(userId);
    }

    private String checkedNewPassword(String typed, User user) {
        List<FieldViolation> violations = new ArrayList<>();
        String password = InputRules.password(typed, violations);
        if (violations.isEmpty()) {
            violations.addAll(passwordPolicy.check(password, user.username(), user.email(), user.displayName()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(violation -> new FieldViolation("newPassword", violation.message())).toList());
        }
        return password;
    }

    private ComposedMail changedNotice(User user, String how) {
        Map<String, String> values = new HashMap<>(values(user.username(), user.displayName(), null));
        values.put("how", how);
        return composer.compose(MailKind.PASSWORD_CHANGED, user.email(), values);
    }

    private static Map<String, String> values(String username, String displayName, OneTimeToken token) {
        Map<String, String> values = new HashMap<>();
        values.put("username", username);
        values.put("displayName", displayName);
        if (token != null) {
            values.put("token", token.value());
        }
        return values;
    }

    /** Whose password was replaced, and the sessions that ended with it. */
    public record PasswordReplaced(UUID userId, List<UUID> endedSessions) {
    }
}
