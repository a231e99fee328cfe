package dev.authgateway.store.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account lifecycle beyond the mail flows of {@link AccountMail}: the owner's sessions, deleting the account,
 * changing its email address, and exporting what is kept about it. Grave changes re-authenticate: the current
 * password always, and the second factor too for a deletion.
 */
public final class AccountLifecycle {

    private final AccountLifecycleRepository repository;
    private final AccountMailRepository mail;
    private final UserRepository users;
    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final PasswordHasher hasher;
    private final MailComposer composer;
    private final AccountMailPolicy policy;
    private final Clock clock;

    public AccountLifecycle(AccountLifecycleRepository repository, AccountMailRepository mail, UserRepository users,
                            Sessions sessions, SecondFactors secondFactors, PasswordHasher hasher,
                            MailComposer composer, AccountMailPolicy policy, Clock clock) {
        this.repository = repository;
        this.mail = mail;
        this.users = users;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.hasher = hasher;
        this.composer = composer;
        this.policy = policy;
        this.clock = clock;
    }

    public List<SessionDetails> sessions(UUID userId) {
        users.findById(userId).orElseThrow(UserNotFoundException::new);
        return sessions.list(userId);
    }

    /**
     * The password first (a wrong one uses up no code), then the second factor if the user has one; then everything
     * kept for the user goes in one transaction, and a notice to its address is written in the same one.
     */
    public List<UUID> delete(UUID userId, String currentPassword, String code) {
        var stored = checkedPassword(userId, currentPassword);
        secondFactors.checkCodeIfEnabled(userId, code);
        User user = stored.user();
        return repository.deleteUser(userId, stored.passwordHash(), LoginForms.email(user.email()),
                composer.compose(MailKind.ACCOUNT_DELETED, user.email(), values(user, null)), clock.instant());
    }

    /**
     * A confirmation link to the new address, and a notice to the current one (whoever holds a stolen session and
     * the password cannot move the account away silently). The new address must be free now and again at
     * confirmation. The link lives as long as a password-reset link.
     */
    public void requestEmailChange(UUID userId, String typedEmail, String currentPassword) {
        List<FieldViolation> violations = new ArrayList<>();
        String email = InputRules.email(typedEmail, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations.stream()
                    .map(violation -> new FieldViolation("newEmail", violation.message())).toList());
        }
        User user = checkedPassword(userId, currentPassword).user();
        String canonical = LoginForms.email(email);
        if (canonical.equals(LoginForms.email(user.email()))) {
            throw new InvalidInputException(List.of(new FieldViolation("newEmail", "is the current address")));
        }
        users.findCredentials(new CanonicalLogin(true, canonical)).ifPresent(taken -> {
            throw new DuplicateUserException("newEmail");
        });
        Instant now = clock.instant();
        OneTimeToken token = OneTimeToken.issue();
        Map<String, String> confirmation = values(user, token);
        confirmation.put("newEmail", email);
        Map<String, String> notice = values(user, null);
        notice.put("newEmail", email);
        repository.requestEmailChange(
                new NewToken(token.hash(), userId, TokenPurpose.EMAIL_CHANGE, email, now.plus(policy.resetTtl())),
                composer.compose(MailKind.EMAIL_CHANGE, email, confirmation), canonical,
                composer.compose(MailKind.EMAIL_CHANGE_NOTICE, user.email(), notice), policy.limit(), now);
    }

    /** The new address becomes the account's, verified by this very link. */
    public User confirmEmailChange(String token) {
        InputRules.checkToken(token);
        byte[] hash = OneTimeToken.hash(token);
        Instant now = clock.instant();
        var holder = mail.openToken(hash, TokenPurpose.EMAIL_CHANGE, now).orElseThrow(InvalidTokenException::new);
        return repository.confirmEmailChange(hash, LoginForms.email(holder.email()), now)
                .orElseThrow(InvalidTokenException::new);
    }

    public ExportedAccount export(UUID userId) {
        ExportedAccount account = repository.export(userId).orElseThrow(UserNotFoundException::new);
        return new ExportedAccount(account.user(), account.updatedAt(), account.emailVerifiedAt(),
                account.secondFactorEnabledAt(), sessions.list(userId));
    }

    private UserRepository.StoredCredentials checkedPassword(UUID userId, String currentPassword) {
        var stored = mail.credentials(userId).orElseThrow(UserNotFoundException::new);
        boolean matches = false;
        for (String candidate : PasswordForms.loginCandidates(currentPassword == null ? "" : currentPassword)) {
            matches |= hasher.matches(candidate, stored.passwordHash());
        }
        if (!matches) {
            throw new InvalidCredentialsException();
        }
        return stored;
    }

    private static Map<String, String> values(User user, OneTimeToken token) {
        Map<String, String> values = new HashMap<>();
        values.put("username", user.username());
        values.put("displayName", user.displayName());
        if (token != null) {
            values.put("token", token.value());
        }
        return values;
    }
}
