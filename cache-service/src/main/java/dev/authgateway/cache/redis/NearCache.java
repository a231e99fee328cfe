package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Values this process read from Redis, served without a round trip while this process holds a valid lease (see
 * {@link NearCacheMembership}). Without a lease it answers nothing and keeps nothing.
 *
 * <p>A fill takes a ticket before its Redis read and is kept only if no eviction happened since: an invalidation that
 * overtakes a read of the old value cannot be undone by that read arriving late.
 */
final class NearCache<V> {

    private final Cache<String, V> values;
    private final AtomicLong evictions = new AtomicLong();
    private final LongSupplier nanoClock;
    private volatile long validUntilNanos;
    private volatile boolean leased;

    NearCache(Duration ttl, long maxEntries, LongSupplier nanoClock) {
        this.values = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
        this.nanoClock = nanoClock;
    }

    Optional<V> get(String id) {
        if (!leaseValid()) {
            return Optional.empty();
        }
        return Optional.ofNullable(values.getIfPresent(id));
    }

    /** Taken before the Redis read whose value may be kept. */
    long ticket() {
        return evictions.get();
    }

    void fill(String id, V value, long ticket) {
        if (!leaseValid() || evictions.get() != ticket) {
            return;
        }
        values.put(id, value);
        if (evictions.get() != ticket) {
            // An eviction ran between the check and the put, perhaps before the put: drop what may be stale.
            values.invalidate(id);
        }
    }

    void evict(String id) {
        evictions.incrementAndGet();
        values.invalidate(id);
    }

    /**
     * The lease runs until {@code sentNanos} (read before the renewal was sent, so never later than the moment Redis
     * renewed it) plus {@code validFor}, which is shorter than the lease Redis holds.
     */
    void leaseRenewed(long sentNanos, Duration validFor) {
        validUntilNanos = sentNanos + validFor.toNanos();
        leased = true;
    }

    /** Forgets everything; nothing is served or kept until the next {@link #leaseRenewed}. */
    void leaseLost() {
        leased = false;
        evictions.incrementAndGet();
        values.invalidateAll();
    }

    boolean leaseValid() {
        return leased && nanoClock.getAsLong() - validUntilNanos < 0;
    }

    long size() {
        return values.estimatedSize();
    }
}
