package dev.authgateway.store.domain;

/** The database cannot be reached; nothing was written. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(Throwable cause) {
        super("PostgreSQL unavailable", cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
