package dev.authgateway.store.domain;

import java.util.ArrayList;
import java.util.List;

/** A request to create a user; it exists only if every input rule holds. The password is never trimmed. */
public record SignUp(String username, String email, String password, String displayName) {

    public SignUp {
        username = InputRules.trimmed(username);
        email = InputRules.trimmed(email);
        password = password == null ? "" : password;
        displayName = InputRules.trimmed(displayName);
        List<FieldViolation> violations = new ArrayList<>();
        InputRules.checkUsername(username, violations);
        InputRules.checkEmail(email, violations);
        InputRules.checkPassword(password, violations);
        InputRules.checkDisplayName(displayName, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    @Override
    public String toString() {
        return "SignUp[username=" + username + ", email=" + email + ", displayName=" + displayName + "]";
    }
}
