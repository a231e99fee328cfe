package dev.authgateway.store.domain;

/** The messages the store sends; each has a plain-text and an HTML template of the same name. */
public enum MailKind {
    /** A link that proves the address: at signup and on request. */
    VERIFY_EMAIL,
    /** A link to choose a new password. */
    PASSWORD_RESET,
    /** Someone asked to reset a password for this address, but no account uses it (Kratos's notify-unknown-recipients). */
    PASSWORD_RESET_UNKNOWN,
    /** The account's password was changed or reset. */
    PASSWORD_CHANGED;

    /** The templates' base name, e.g. {@code verify_email}. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
