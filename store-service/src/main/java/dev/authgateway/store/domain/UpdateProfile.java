package dev.authgateway.store.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A change to a user's own profile; the display name is the one field a user may change after signup. */
public record UpdateProfile(UUID userId, String displayName) {

    public UpdateProfile {
        List<FieldViolation> violations = new ArrayList<>();
        displayName = InputRules.displayName(displayName, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
