package dev.authgateway.store.domain;

/** The TOTP or recovery code does not match, or was used already. */
public final class InvalidCodeException extends RuntimeException {

    public InvalidCodeException() {
        super("invalid code");
    }
}
