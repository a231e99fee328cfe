package dev.authgateway.cache.domain;

/** Redis did not answer in time or refused the command. */
public final class CacheUnavailableException extends RuntimeException {

    public CacheUnavailableException(Throwable cause) {
        super("cache unavailable", cause);
    }
}
