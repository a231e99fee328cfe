package dev.authgateway.cache.domain;

/** The store could not be reached, or did not answer before the deadline. */
public final class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(Throwable cause) {
        super("user store unavailable", cause);
    }
}
