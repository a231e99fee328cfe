package dev.authgateway.store.domain;

/** The factor is not in the state the request needs (already enabled, nothing pending, none to disable). */
public final class SecondFactorStateException extends RuntimeException {

    public SecondFactorStateException(String message) {
        super(message);
    }
}
