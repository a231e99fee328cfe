package dev.authgateway.store.domain;

/** The passkey login request is unknown, expired or already used: one answer for all, the login starts again. */
public final class PasskeyRequestNotValidException extends RuntimeException {

    public PasskeyRequestNotValidException() {
        super("passkey login request unknown, expired or used; start again", null, false, false);
    }
}
