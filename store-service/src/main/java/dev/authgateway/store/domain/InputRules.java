package dev.authgateway.store.domain;

import java.util.List;
import java.util.regex.Pattern;

import rocks.xmpp.precis.PrecisProfiles;

/**
 * The input rules of the whole system; the store enforces them, every other service passes them on. No text field
 * accepts {@link HiddenCharacters}. Passwords follow NIST SP 800-63B (length only, no composition rules) and PRECIS
 * OpaqueString ({@link PasswordForms}); the configurable part of the password rules (minimum length, common
 * passwords) is {@link PasswordPolicy}. Display names follow PRECIS Nickname (RFC 8266). Each check returns the
 * form to keep.
 */
public final class InputRules {

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    public static final int EMAIL_MAX = 254;
    public static final int EMAIL_LOCAL_MAX = 64;
    /** The floor below which no configured policy may go (NIST SP 800-63B); PasswordPolicy raises it (default 10). */
    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 256;
    public static final int DISPLAY_NAME_MAX = 64;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[^\\s@\\p{Cntrl}]+");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    /** Blank in every font although a symbol (General_Category So). */
    private static final int BRAILLE_BLANK = 0x2800;

    private InputRules() {
    }

    static String username(String typed, List<FieldViolation> violations) {
        String username = trimmed(typed);
        int length = username.length();
        if (HiddenCharacters.containsAny(raw(typed))) {
            violations.add(new FieldViolation("username", HiddenCharacters.MESSAGE));
        } else if (length < USERNAME_MIN || length > USERNAME_MAX) {
            violations.add(new FieldViolation("username",
                    "must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters long"));
        } else if (!USERNAME.matcher(username).matches() || LoginForms.username(username).isEmpty()) {
            violations.add(new FieldViolation("username",
                    "may contain only letters, digits, '_', '.' and '-', and must start with a letter or digit"));
        }
        return username;
    }

    static String email(String typed, List<FieldViolation> violations) {
        String email = trimmed(typed);
        if (HiddenCharacters.containsAny(raw(typed))) {
            violations.add(new FieldViolation("email", HiddenCharacters.MESSAGE));
        } else if (!isValidEmail(email)) {
            violations.add(new FieldViolation("email", "must be a valid email address"));
        }
        return email;
    }

    /** The password as OpaqueString enforces it (never trimmed). */
    static String password(String typed, List<FieldViolation> violations) {
        String password = typed == null ? "" : typed;
        if (HiddenCharacters.containsAny(password)) {
            violations.add(new FieldViolation("password", HiddenCharacters.MESSAGE));
            return password;
        }
        var enforced = PasswordForms.enforced(password);
        if (enforced.isEmpty()) {
            violations.add(new FieldViolation("password", "contains a code point that passwords may not hold "
                    + "(unassigned or private-use; RFC 8265 OpaqueString)"));
            return password;
        }
        int codePoints = enforced.get().codePointCount(0, enforced.get().length());
        if (codePoints < PASSWORD_MIN || codePoints > PASSWORD_MAX) {
            violations.add(new FieldViolation("password",
                    "must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long"));
        } else if (enforced.get().isBlank()) {
            violations.add(new FieldViolation("password", "must not be only whitespace"));
        }
        return enforced.get();
    }

    /** The display name as PRECIS Nickname enforces it: spaces mapped and collapsed, NFKC, case kept. */
    static String displayName(String typed, List<FieldViolation> violations) {
        String displayName = trimmed(typed);
        if (HiddenCharacters.containsAny(raw(typed))) {
            violations.add(new FieldViolation("displayName", HiddenCharacters.MESSAGE));
            return displayName;
        }
        String enforced;
        try {
            enforced = displayName.isEmpty() ? "" : PrecisProfiles.NICKNAME.enforce(displayName);
        } catch (IllegalArgumentException refused) {
            violations.add(new FieldViolation("displayName",
                    "may contain only letters, digits, symbols, punctuation and spaces"));
            return displayName;
        }
        int codePoints = enforced.codePointCount(0, enforced.length());
        if (codePoints < 1 || codePoints > DISPLAY_NAME_MAX) {
            violations.add(new FieldViolation("displayName", "must be 1 to " + DISPLAY_NAME_MAX + " characters long"));
        } else if (enforced.codePoints().noneMatch(InputRules::isVisible)) {
            violations.add(new FieldViolation("displayName", "must contain a visible character"));
        }
        return enforced;
    }

    /** A refresh token is opaque, but never holds a control character. */
    static void checkToken(String token) {
        if (token != null && HiddenCharacters.containsAny(token)) {
            throw new InvalidInputException(List.of(new FieldViolation("token", HiddenCharacters.MESSAGE)));
        }
    }

    private static boolean isVisible(int codePoint) {
        if (codePoint == BRAILLE_BLANK) {
            return false;
        }
        return Character.isLetterOrDigit(codePoint) || switch (Character.getType(codePoint)) {
            case Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isValidEmail(String email) {
        if (email.length() > EMAIL_MAX) {
            return false;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at > EMAIL_LOCAL_MAX) {
            return false;
        }
        String local = email.substring(0, at);
        String[] labels = email.substring(at + 1).split("\\.", -1);
        if (!EMAIL_LOCAL.matcher(local).matches() || labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > 63 || !DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Without surrounding whitespace; hidden characters are checked before, so a trailing newline is refused. */
    static String trimmed(String value) {
        return raw(value).strip();
    }

    private static String raw(String value) {
        return value == null ? "" : value;
    }
}
