package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.authgateway.cache.domain.CacheStore;
import dev.authgateway.cache.domain.Lookup;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import org.redisson.api.RedissonClient;

/**
 * A near cache in this process in front of the shared cache: a value Redis returned is served from memory until it
 * is invalidated, expires ({@code app.cache.near.ttl}) or this replica's lease lapses. Invalidations reach every
 * replica before they return ({@link NearCacheMembership}), so the guarantee of the shared cache holds: once an
 * update is acknowledged no replica serves the value it replaced. Only values are kept, never "known absent".
 */
public final class NearCacheStore<V> implements CacheStore<V>, AutoCloseable {

    private final CacheStore<V> shared;
    private final NearCache<V> near;
    private final NearCacheMembership membership;
    private final Counter nearHits;

    public NearCacheStore(CacheStore<V> shared, RedissonClient redisson, String keyPrefix, NearCacheSettings settings) {
        this.shared = shared;
        this.near = new NearCache<>(settings.ttl(), settings.maxEntries(), System::nanoTime);
        this.membership = new NearCacheMembership(redisson, keyPrefix, near, settings);
        MeterRegistry registry = Metrics.globalRegistry();
        this.nearHits = registry.getOrCreate(Counter.builder("cache.near_hits")
                .description("Reads answered from this replica's near cache (also counted in cache_hits)"));
        registry.getOrCreate(Gauge.builder("cache.near_lease_valid", () -> near.leaseValid() ? 1 : 0)
                .description("1 while this replica may serve from its near cache"));
        registry.getOrCreate(Gauge.builder("cache.near_entries", near::size)
                .description("Values in this replica's near cache (estimate)"));
        membership.start();
    }

    @Override
    public Lookup<V> lookup(String id) {
        Optional<V> local = near.get(id);
        if (local.isPresent()) {
            nearHits.increment();
            return new Lookup.Hit<>(local.get());
        }
        long ticket = near.ticket();
        return kept(id, shared.lookup(id), ticket);
    }

    @Override
    public Optional<CompletionStage<Lookup<V>>> lookupWithoutBlocking(String id) {
        Optional<V> local = near.get(id);
        if (local.isPresent()) {
            nearHits.increment();
            return Optional.of(CompletableFuture.completedFuture(new Lookup.Hit<>(local.get())));
        }
        long ticket = near.ticket();
        return shared.lookupWithoutBlocking(id).map(stage -> stage.thenApply(found -> kept(id, found, ticket)));
    }

    private Lookup<V> kept(String id, Lookup<V> found, long ticket) {
        if (found instanceof Lookup.Hit<V> hit) {
            near.fill(id, hit.value(), ticket);
        }
        return found;
    }

    @Override
    public boolean storeUnlessInvalidated(String id, Optional<V> value, long generation, Duration ttl) {
        return shared.storeUnlessInvalidated(id, value, generation, ttl);
    }

    /** Redis first, so no replica refills from it what it is about to drop; then every replica's near cache. */
    @Override
    public void invalidate(String id) {
        near.evict(id);
        shared.invalidate(id);
        membership.invalidateEverywhere(id);
    }

    /** Whether this replica serves from its near cache now. */
    boolean serving() {
        return near.leaseValid();
    }

    String memberId() {
        return membership.memberId();
    }

    @Override
    public void close() {
        membership.close();
    }
}
