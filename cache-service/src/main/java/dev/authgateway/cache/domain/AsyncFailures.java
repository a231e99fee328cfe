package dev.authgateway.cache.domain;

import java.util.concurrent.CompletionException;

/** A completion stage's failure as the exception the blocking call would have thrown. */
public final class AsyncFailures {

    private AsyncFailures() {
    }

    /** The cause a {@link CompletionException} wraps, else the failure itself. */
    public static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** {@link #cause} to rethrow: itself when unchecked, else wrapped in a {@link CompletionException}. */
    public static RuntimeException unchecked(Throwable failure) {
        Throwable cause = cause(failure);
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
