package dev.authgateway.store.domain;

/** The username or email (compared case-insensitively) belongs to another user. */
public final class DuplicateUserException extends RuntimeException {

    private final String field;

    public DuplicateUserException(String field) {
        super(field + " is already taken");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
