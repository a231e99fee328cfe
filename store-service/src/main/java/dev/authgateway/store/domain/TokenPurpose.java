package dev.authgateway.store.domain;

/** What a mailed one-time token may do; a token of one purpose never works for another. */
public enum TokenPurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    /** Confirms a new address: mailed to that address; the token row's email is the new address. */
    EMAIL_CHANGE
}
