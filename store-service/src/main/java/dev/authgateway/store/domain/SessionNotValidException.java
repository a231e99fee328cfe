package dev.authgateway.store.domain;

/** The refresh token is unknown, or its session has ended or expired. */
public final class SessionNotValidException extends RuntimeException {

    public SessionNotValidException() {
        super("invalid refresh token");
    }
}
