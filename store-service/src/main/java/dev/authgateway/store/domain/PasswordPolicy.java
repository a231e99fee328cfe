package dev.authgateway.store.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configurable password rules after NIST SP 800-63B: a minimum length (default 10, never under 8), none equal to
 * the account's username or email, and hard enough to guess for the account (its username, email and display name
 * count as known). No composition rules.
 */
public record PasswordPolicy(int minLength, PasswordStrength strength) {

    public PasswordPolicy {
        if (minLength < InputRules.PASSWORD_MIN || minLength > 64) {
            throw new IllegalArgumentException("password minimum length must be 8 to 64: " + minLength);
        }
    }

    List<FieldViolation> check(SignUp signUp) {
        String password = signUp.password();
        List<FieldViolation> violations = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < minLength) {
            violations.add(new FieldViolation("password", "must be at least " + minLength + " characters long"));
        } else if (password.toLowerCase(Locale.ROOT).equals(signUp.username().toLowerCase(Locale.ROOT))
                || password.toLowerCase(Locale.ROOT).equals(signUp.email().toLowerCase(Locale.ROOT))) {
            violations.add(new FieldViolation("password", "must not be your username or email"));
        } else {
            strength.weakness(password, accountWords(signUp))
                    .ifPresent(why -> violations.add(new FieldViolation("password", why)));
        }
        return violations;
    }

    private static List<String> accountWords(SignUp signUp) {
        List<String> words = new ArrayList<>(List.of(signUp.username(), signUp.email(),
                signUp.email().substring(0, Math.max(0, signUp.email().indexOf('@'))), signUp.displayName()));
        words.addAll(List.of(signUp.displayName().split("\\s+")));
        words.removeIf(String::isBlank);
        return words;
    }
}
