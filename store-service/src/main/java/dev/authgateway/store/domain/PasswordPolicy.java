package dev.authgateway.store.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configurable password rules after NIST SP 800-63B: a minimum length (default 10, never under 8), no password
 * from the common-passwords list, none equal to the account's username or email. No composition rules.
 */
public record PasswordPolicy(int minLength, CommonPasswords common) {

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
        } else if (common.contains(password)) {
            violations.add(new FieldViolation("password", "is too common; choose another"));
        } else if (password.toLowerCase(Locale.ROOT).equals(signUp.username().toLowerCase(Locale.ROOT))
                || password.toLowerCase(Locale.ROOT).equals(signUp.email().toLowerCase(Locale.ROOT))) {
            violations.add(new FieldViolation("password", "must not be your username or email"));
        }
        return violations;
    }
}
