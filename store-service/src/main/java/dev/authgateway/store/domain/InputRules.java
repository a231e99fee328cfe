package dev.authgateway.store.domain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The input rules of the whole system; the store enforces them, every other service passes them on.
 * Passwords follow NIST SP 800-63B: length only, every Unicode character allowed, no composition rules; the
 * configurable part of the password rules (minimum length, common passwords) is {@link PasswordPolicy}.
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

    private InputRules() {
    }

    static void checkUsername(String username, List<FieldViolation> violations) {
        int length = username.length();
        if (length < USERNAME_MIN || length > USERNAME_MAX) {
            violations.add(new FieldViolation("username",
                    "must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters long"));
        } else if (!USERNAME.matcher(username).matches()) {
            violations.add(new FieldViolation("username",
                    "may contain only letters, digits, '_', '.' and '-', and must start with a letter or digit"));
        }
    }

    static void checkEmail(String email, List<FieldViolation> violations) {
        if (!isValidEmail(email)) {
            violations.add(new FieldViolation("email", "must be a valid email address"));
        }
    }

    static void checkPassword(String password, List<FieldViolation> violations) {
        int codePoints = password.codePointCount(0, password.length());
        if (codePoints < PASSWORD_MIN || codePoints > PASSWORD_MAX) {
            violations.add(new FieldViolation("password",
                    "must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long"));
        } else if (password.isBlank()) {
            violations.add(new FieldViolation("password", "must not be only whitespace"));
        }
    }

    static void checkDisplayName(String displayName, List<FieldViolation> violations) {
        int codePoints = displayName.codePointCount(0, displayName.length());
        if (codePoints < 1 || codePoints > DISPLAY_NAME_MAX) {
            violations.add(new FieldViolation("displayName", "must be 1 to " + DISPLAY_NAME_MAX + " characters long"));
        } else if (displayName.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation("displayName", "must not contain control characters"));
        }
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

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
