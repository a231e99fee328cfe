package dev.authgateway.store.domain;

/** The login is unknown or the password does not match: deliberately the same answer for both. */
public final class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("invalid credentials");
    }
}
