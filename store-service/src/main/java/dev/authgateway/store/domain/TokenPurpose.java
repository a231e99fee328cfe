package dev.authgateway.store.domain;

/** What a mailed one-time token may do; a token of one purpose never works for another. */
public enum TokenPurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
}
