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
        return check(signUp.password(), signUp.username(), signUp.email(), signUp.displayName());
    }

    /** The rules for a password (as OpaqueString enforces it) of the account with these username, email and name. */
    List<FieldViolation> check(String password, String username, String email, String displayName) {
        List<FieldViolation> violations = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < minLength) {
            violations.add(new FieldViolation("password", "must be at least " + minLength + " characters long"));
        } else if (password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))
                || password.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
            violations.add(new FieldViolation("password", "must not be your username or email"));
        } else {
            strength.weakness(password, accountWords(username, email, displayName))
                    .ifPresent(why -> violations.add(new FieldViolation("password", why)));
        }
        return violations;
    }

    private static List<String> accountWords(String username, String email, String displayName) {
        List<String> words = new ArrayList<>(List.of(username, email,
                email.substring(0, Math.max(0, email.indexOf('@'))), displayName));
        words.addAll(List.of(displayName.split("\\s+")));
        words.removeIf(String::isBlank);
        return words;
    }
}
