package dev.authgateway.cache.domain;

/** The write was saved, but Redis never confirmed that the old value is gone; repeating the write is safe. */
public final class InvalidationFailedException extends RuntimeException {

    public InvalidationFailedException(Throwable cause) {
        super("saved, but the cached value could not be dropped", cause);
    }
}
