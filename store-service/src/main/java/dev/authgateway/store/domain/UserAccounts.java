package dev.authgateway.store.domain;

import java.util.UUID;

/** The store's use cases. */
public final class UserAccounts {

    private final UserRepository repository;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;

    public UserAccounts(UserRepository repository, PasswordHasher hasher) {
        this(repository, hasher, new PasswordPolicy(10, CommonPasswords.NONE));
    }

    public UserAccounts(UserRepository repository, PasswordHasher hasher, PasswordPolicy passwordPolicy) {
        this.repository = repository;
        this.hasher = hasher;
        this.passwordPolicy = passwordPolicy;
    }

    public User create(SignUp signUp) {
        var violations = passwordPolicy.check(signUp);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return repository.insert(UUID.randomUUID(), signUp, hasher.hash(signUp.password()));
    }

    public User get(UUID id) {
        return repository.findById(id).orElseThrow(UserNotFoundException::new);
    }

    /** Unknown login and wrong password fail alike, in the same time. */
    public User verifyCredentials(String login, String password) {
        String candidate = password == null ? "" : password;
        var stored = repository.findCredentials(InputRules.trimmed(login));
        if (stored.isEmpty()) {
            hasher.burnEquivalentTime(candidate);
            throw new InvalidCredentialsException();
        }
        if (!hasher.matches(candidate, stored.get().passwordHash())) {
            throw new InvalidCredentialsException();
        }
        upgradeHashIfOutdated(stored.get(), candidate);
        return stored.get().user();
    }

    /** After the hash parameters were raised, each user's hash is remade at their next successful login. */
    private void upgradeHashIfOutdated(UserRepository.StoredCredentials stored, String password) {
        if (hasher.needsRehash(stored.passwordHash())) {
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
