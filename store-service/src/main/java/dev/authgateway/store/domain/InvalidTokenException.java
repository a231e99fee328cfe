package dev.authgateway.store.domain;

/** A mailed token is unknown, expired, already used or not for this: deliberately one answer for all. */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException() {
        super("invalid or expired token", null, false, false);
    }
}
