package dev.authgateway.store.domain;

import java.text.Normalizer;
import java.util.Optional;

import rocks.xmpp.precis.PrecisProfiles;

/**
 * The one canonical form of a username, an email and a typed login. The unique indexes, the login lookup, the
 * attempt limits (through ResolveLogin) and the migration that backfilled existing rows all use these methods.
 *
 * <p>Usernames: PRECIS UsernameCaseMapped (RFC 8265 section 3.3: width mapping, lower case, NFC, IdentifierClass).
 * Emails: the whole address lower-cased and NFC-normalised (local parts are treated case-insensitively, as every
 * large provider does, so Ada@x and ada@x are one account). Both lower-case with Unicode's simple, per code point
 * mapping before anything else: the full mapping turns U+0130 (capital I with dot) into "i" plus U+0307, a second
 * spelling of a different key, where every database and most people see "i".
 */
public final class LoginForms {

    private LoginForms() {
    }

    /** The canonical username, or empty if the PRECIS profile refuses the string. */
    public static Optional<String> username(String username) {
        try {
            return Optional.of(PrecisProfiles.USERNAME_CASE_MAPPED.enforce(lowerCase(username)));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    public static String email(String email) {
        return folded(email);
    }

    /**
     * What was typed at login, as the account's key would be: an email if it has '@', else a username. A login no
     * profile accepts can match no account; it still gets a stable form (lower case, NFC), so guesses at it are
     * counted together. Hidden characters are refused (field {@code login}): that depends on the text alone, so it
     * says nothing about whether an account exists.
     */
    public static CanonicalLogin login(String login) {
        if (login != null && HiddenCharacters.containsAny(login)) {
            throw new InvalidInputException(java.util.List.of(new FieldViolation("login", HiddenCharacters.MESSAGE)));
        }
        String typed = InputRules.trimmed(login);
        if (typed.indexOf('@') >= 0) {
            return new CanonicalLogin(true, email(typed));
        }
        return new CanonicalLogin(false, username(typed).orElseGet(() -> folded(typed)));
    }

    private static String folded(String text) {
        return Normalizer.normalize(lowerCase(text), Normalizer.Form.NFC);
    }

    static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> lower.appendCodePoint(Character.toLowerCase(codePoint)));
        return lower.toString();
    }
}
