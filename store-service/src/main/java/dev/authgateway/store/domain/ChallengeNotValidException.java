package dev.authgateway.store.domain;

/** The login challenge is unknown, expired, used or burnt: one answer for all, the login starts again. */
public final class ChallengeNotValidException extends RuntimeException {

    public ChallengeNotValidException() {
        super("challenge unknown, expired or used; log in again");
    }
}
