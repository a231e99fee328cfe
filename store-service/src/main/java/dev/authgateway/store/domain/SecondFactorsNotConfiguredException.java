package dev.authgateway.store.domain;

/**
 * No encryption key for second-factor secrets is configured, or a stored secret cannot be opened with the keys that
 * are: an operator's fault, never the caller's.
 */
public final class SecondFactorsNotConfiguredException extends RuntimeException {

    public SecondFactorsNotConfiguredException(String message) {
        super(message);
    }
}
