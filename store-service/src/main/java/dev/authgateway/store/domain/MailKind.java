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
    PASSWORD_CHANGED,
    /** A link that confirms a new address for the account, sent to that new address. */
    EMAIL_CHANGE,
    /** To the current address: someone asked to move the account to another address. */
    EMAIL_CHANGE_NOTICE,
    /** To the last address: the account and its data were deleted. */
    ACCOUNT_DELETED;

    /** The templates' base name, e.g. {@code verify_email}. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
