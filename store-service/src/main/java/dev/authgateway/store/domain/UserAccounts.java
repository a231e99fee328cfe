package dev.authgateway.store.domain;

import java.util.UUID;

/** The store's use cases. */
public final class UserAccounts {

    private final UserRepository repository;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final NewUserWriter newUsers;

    /** How a new user is written: alone, or with what must be written in the same transaction (a verification mail). */
    @FunctionalInterface
    public interface NewUserWriter {
        User insert(UUID id, SignUp signUp, String passwordHash);
    }

    public UserAccounts(UserRepository repository, PasswordHasher hasher) {
        this(repository, hasher, new PasswordPolicy(10, PasswordStrength.ANY));
    }

    public UserAccounts(UserRepository repository, PasswordHasher hasher, PasswordPolicy passwordPolicy) {
        this(repository, hasher, passwordPolicy, repository::insert);
    }

    public UserAccounts(UserRepository repository, PasswordHasher hasher, PasswordPolicy passwordPolicy,
                        NewUserWriter newUsers) {
        this.repository = repository;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
        this.newUsers = newUsers;
    }

    public User create(SignUp signUp) {
        var violations = passwordPolicy.check(signUp);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return newUsers.insert(UUID.randomUUID(), signUp, hasher.hash(signUp.password()));
    }

    public User get(UUID id) {
        return repository.findById(id).orElseThrow(UserNotFoundException::new);
    }

    /**
     * The account a login names, if any, and the login's canonical form: what attempts are counted on before any
     * password is checked. One indexed lookup whether or not the account exists.
     */
    public LoginResolution resolveLogin(String login) {
        CanonicalLogin canonical = LoginForms.login(login);
        return new LoginResolution(repository.findCredentials(canonical).map(found -> found.user().id()),
                canonical.value());
    }

    public record LoginResolution(java.util.Optional<UUID> userId, String canonicalLogin) {
    }

    /** Unknown login and wrong password fail alike, in the same time (as many hashes either way). */
    public User verifyCredentials(String login, String password) {
        CanonicalLogin canonical = LoginForms.login(login);
        var candidates = PasswordForms.loginCandidates(password == null ? "" : password);
        var stored = repository.findCredentials(canonical);
        if (stored.isEmpty()) {
            candidates.forEach(hasher::burnEquivalentTime);
            throw new InvalidCredentialsException();
        }
        for (String candidate : candidates) {
            if (hasher.matches(candidate, stored.get().passwordHash())) {
                upgradeHashIfOutdated(stored.get(), candidates.getFirst(), !candidate.equals(candidates.getFirst()));
                return stored.get().user();
            }
        }
        throw new InvalidCredentialsException();
    }

    /**
     * Each user's hash is remade at their next successful login after the hash parameters were raised, or when it
     * was made from the password as typed rather than as OpaqueString enforces it.
     */
    private void upgradeHashIfOutdated(UserRepository.StoredCredentials stored, String password, boolean legacyForm) {
        if (legacyForm || hasher.needsRehash(stored.passwordHash())) {
            try {
                repository.replacePasswordHash(stored.user().id(), stored.passwordHash(), hasher.hash(password));
            } catch (StoreUnavailableException e) {
                // The login stands; the upgrade is retried at the next one.
            }
        }
    }

    public User updateProfile(UpdateProfile update) {
        return repository.updateDisplayName(update.userId(), update.displayName())
                .orElseThrow(UserNotFoundException::new);
    }
}
