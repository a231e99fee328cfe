package dev.authgateway.store.domain;

/** No user has the id asked for. */
public final class UserNotFoundException extends RuntimeException {

    public UserNotFoundException() {
        super("user not found");
    }
}
