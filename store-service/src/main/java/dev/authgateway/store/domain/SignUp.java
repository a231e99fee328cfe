package dev.authgateway.store.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A request to create a user; it exists only if every input rule holds. Username and email are kept as typed
 * (trimmed) and compared through their canonical forms; the password and display name are kept as PRECIS enforces
 * them.
 */
public record SignUp(String username, String email, String password, String displayName) {

    public SignUp {
        List<FieldViolation> violations = new ArrayList<>();
        username = InputRules.username(username, violations);
        email = InputRules.email(email, violations);
        password = InputRules.password(password, violations);
        displayName = InputRules.displayName(displayName, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    public String canonicalUsername() {
        return LoginForms.username(username).orElseThrow();
    }

    public String canonicalEmail() {
        return LoginForms.email(email);
    }

    @Override
    public String toString() {
        return "SignUp[username=" + username + ", email=" + email + ", displayName=" + displayName + "]";
    }
}
