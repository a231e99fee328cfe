package dev.authgateway.store.domain;

import java.util.List;
import java.util.Optional;

/** How hard a password is to guess, judged by the estimator the store is configured with. */
public interface PasswordStrength {

    /**
     * Why {@code password} is too easy to guess, in words for its owner, or empty when it is strong enough;
     * {@code accountWords} (the account's username, email, display name) count as known to an attacker.
     */
    Optional<String> weakness(String password, List<String> accountWords);

    PasswordStrength ANY = (password, accountWords) -> Optional.empty();
}
