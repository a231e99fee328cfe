package dev.authgateway.store.domain;

import java.util.List;
import java.util.Optional;

import rocks.xmpp.precis.PrecisProfiles;

/**
 * Passwords through PRECIS OpaqueString (RFC 8265 section 4.2): non-ASCII spaces become U+0020, NFC, and controls,
 * invisible and unassigned code points are refused. Signup hashes the enforced form, so the same password typed
 * on another keyboard (composed or decomposed accents) matches.
 */
public final class PasswordForms {

    private PasswordForms() {
    }

    /** The enforced password, or empty if OpaqueString refuses it. */
    public static Optional<String> enforced(String password) {
        if (HiddenCharacters.containsAny(password)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PrecisProfiles.OPAQUE_STRING.enforce(password));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    /**
     * What to verify a typed password as: the enforced form first, then the text as typed when it differs, for
     * hashes made before enforcement (they are remade from the enforced form at the next login). A control
     * character is refused (field {@code password}) before any hash runs.
     */
    static List<String> loginCandidates(String password) {
        if (HiddenCharacters.containsControl(password)) {
            throw new InvalidInputException(List.of(new FieldViolation("password", HiddenCharacters.MESSAGE)));
        }
        return enforced(password)
                .map(enforced -> enforced.equals(password) ? List.of(password) : List.of(enforced, password))
                .orElse(List.of(password));
    }
}
