package dev.authgateway.cache.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The shared cache. Every method may throw {@link CacheUnavailableException}. */
public interface CacheStore<V> {

    Lookup<V> lookup(String id);

    /**
     * {@link #lookup} without blocking the calling thread, its failures as a stage failed with
     * {@link CacheUnavailableException}; empty when the store cannot promise that now (a breaker that is not closed),
     * and the caller then calls {@link #lookup} where it may block.
     */
    default Optional<CompletionStage<Lookup<V>>> lookupWithoutBlocking(String id) {
        return Optional.empty();
    }

    /**
     * Caches a loaded value (or, when empty, the fact that there is none) unless the key was invalidated since
     * {@code generation} was read; returns whether it was written.
     */
    boolean storeUnlessInvalidated(String id, Optional<V> value, long generation, Duration ttl);

    /** Drops the cached value and moves the generation on, so loads already under way cannot write back. */
    void invalidate(String id);
}
