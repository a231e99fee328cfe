package dev.authgateway.cache.grpc;

import dev.authgateway.cache.domain.CacheEvents;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;

/** Cache events as Prometheus counters at /observe/metrics. */
public final class MeteredCacheEvents implements CacheEvents {

    private final Counter hits;
    private final Counter negativeHits;
    private final Counter misses;
    private final Counter sourceLoads;
    private final Counter redisFallbacks;
    private final Counter coalesced;

    public MeteredCacheEvents(java.util.function.BooleanSupplier breakerOpen) {
        MeterRegistry registry = Metrics.globalRegistry();
        registry.getOrCreate(io.helidon.metrics.api.Gauge.builder("cache.redis_breaker_open",
                () -> breakerOpen.getAsBoolean() ? 1 : 0).description("1 while Redis calls are short-circuited"));
        hits = registry.getOrCreate(Counter.builder("cache.hits").description("Reads answered from Redis"));
        negativeHits = registry.getOrCreate(Counter.builder("cache.negative_hits")
                .description("Reads answered 'not found' from Redis"));
        misses = registry.getOrCreate(Counter.builder("cache.misses").description("Reads Redis could not answer"));
        sourceLoads = registry.getOrCreate(Counter.builder("cache.store_loads")
                .description("Loads from the store-service"));
        coalesced = registry.getOrCreate(Counter.builder("cache.coalesced_reads")
                .description("Misses that joined a store load already running instead of starting one"));
        redisFallbacks = registry.getOrCreate(Counter.builder("cache.redis_fallbacks")
                .description("Reads or write-backs that skipped Redis because it failed"));
    }

    @Override
    public void hit() {
        hits.increment();
    }

    @Override
    public void negativeHit() {
        negativeHits.increment();
    }

    @Override
    public void miss() {
        misses.increment();
    }

    @Override
    public void sourceLoad() {
        sourceLoads.increment();
    }

    @Override
    public void coalesced() {
        coalesced.increment();
    }

    @Override
    public void redisFallback() {
        redisFallbacks.increment();
    }
}
