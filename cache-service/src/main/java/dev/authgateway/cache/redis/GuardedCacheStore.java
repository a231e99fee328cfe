package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import dev.authgateway.cache.domain.AsyncFailures;
import dev.authgateway.cache.domain.CacheStore;
import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.domain.Lookup;
import dev.authgateway.support.faults.CircuitBreakers;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.faulttolerance.CircuitBreakerOpenException;

/**
 * Redis behind a circuit breaker (Helidon fault tolerance): once most recent calls failed, calls fail at once for
 * {@code delay} instead of each waiting for Redis's timeout, so reads go straight to the store during an outage or a
 * failover; then one trial call decides whether Redis is back.
 */
public final class GuardedCacheStore<V> implements CacheStore<V> {

    private final CacheStore<V> redis;
    private final CircuitBreaker breaker;

    public GuardedCacheStore(CacheStore<V> redis, CircuitBreaker breaker) {
        this.redis = redis;
        this.breaker = breaker;
    }

    /** From {@code app.redis.breaker}: volume, error-ratio (percent), delay, success-threshold (defaults in application.yaml). */
    public static CircuitBreaker breaker(Config breaker) {
        return CircuitBreakers.from(breaker, "redis", CacheUnavailableException.class);
    }

    public boolean open() {
        return breaker.state() == CircuitBreaker.State.OPEN;
    }

    @Override
    public Lookup<V> lookup(String id) {
        return guarded(() -> redis.lookup(id));
    }

    /**
     * Only while the breaker is closed; its outcome is counted by the breaker when it arrives, as {@link #lookup}'s
     * is. An open or half-open breaker leaves the call to {@link #lookup}, which fails at once or makes the trial call.
     */
    @Override
    public Optional<CompletionStage<Lookup<V>>> lookupWithoutBlocking(String id) {
        if (breaker.state() != CircuitBreaker.State.CLOSED) {
            return Optional.empty();
        }
        return redis.lookupWithoutBlocking(id).map(lookup -> lookup.handle((found, failure) -> {
            try {
                return CompletableFuture.completedFuture(guarded(() -> outcome(found, failure)));
            } catch (RuntimeException e) {
                return CompletableFuture.<Lookup<V>>failedFuture(e);
            }
        }).thenCompose(stage -> stage));
    }

    private static <T> T outcome(T value, Throwable failure) {
        if (failure == null) {
            return value;
        }
        throw AsyncFailures.unchecked(failure);
    }

    @Override
    public boolean storeUnlessInvalidated(String id, Optional<V> value, long generation, Duration ttl) {
        return guarded(() -> redis.storeUnlessInvalidated(id, value, generation, ttl));
    }

    /** Invalidation is never short-circuited: an update must learn whether Redis confirmed it. */
    @Override
    public void invalidate(String id) {
        redis.invalidate(id);
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return breaker.invoke(call);
        } catch (CircuitBreakerOpenException e) {
            throw new CacheUnavailableException(e);
        }
    }
}
