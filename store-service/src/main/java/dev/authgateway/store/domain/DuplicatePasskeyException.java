package dev.authgateway.store.domain;

/** The credential is already registered (to this user or another). */
public final class DuplicatePasskeyException extends RuntimeException {

    public DuplicatePasskeyException() {
        super("passkey already registered", null, false, false);
    }
}
