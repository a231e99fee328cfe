package dev.authgateway.store.domain;

/** A passkey step asked for in the wrong state: a registration finished with none pending under its challenge. */
public final class PasskeyStateException extends RuntimeException {

    public PasskeyStateException(String message) {
        super(message, null, false, false);
    }
}
