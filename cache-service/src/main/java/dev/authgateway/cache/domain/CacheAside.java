package dev.authgateway.cache.domain;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cache-aside reads: the cache first, the source on a miss, the loaded value written back with a TTL.
 *
 * <p>Concurrent misses of one key in this process share one source load (request coalescing). A load is
 * shared only among readers that saw the same generation, and writes back only if that generation still
 * holds, so nothing read before an invalidation is served or cached after it.
 *
 * <p>When Redis fails, reads go to the source directly: slower, never wrong.
 *
 * <p>{@link #readAsync} answers a hit without blocking a thread; everything else it hands to the same code as
 * {@link #read}, so misses, generations, coalescing and the fallback are one implementation.
 */
public final class CacheAside<V> {

    private static final Logger LOG = Logger.getLogger(CacheAside.class.getName());

    private final CacheStore<V> cache;
    private final Source<V> source;
    private final TtlPolicy ttl;
    private final CacheEvents events;
    private final ConcurrentMap<String, CompletableFuture<Optional<V>>> loadsInFlight = new ConcurrentHashMap<>();

    public CacheAside(CacheStore<V> cache, Source<V> source, TtlPolicy ttl, CacheEvents events) {
        this.cache = cache;
        this.source = source;
        this.ttl = ttl;
        this.events = events;
    }

    /** The value, or empty when the source has none. */
    public Optional<V> read(String id) {
        Lookup<V> lookup;
        try {
            lookup = cache.lookup(id);
        } catch (CacheUnavailableException e) {
            events.redisFallback();
            LOG.log(Level.FINE, "Redis unavailable, reading from the source", e);
            return loadCoalesced(id, null);
        }
        return switch (lookup) {
            case Lookup.Hit<V> hit -> {
                events.hit();
                yield Optional.of(hit.value());
            }
            case Lookup.KnownAbsent<V> absent -> {
                events.negativeHit();
                yield Optional.empty();
            }
            case Lookup.Miss<V> miss -> {
                events.miss();
                yield loadCoalesced(id, miss.generation());
            }
        };
    }

    /**
     * {@link #read} without blocking the calling thread: a hit or a known absence completes on the cache client's
     * thread; a miss, a Redis failure, or a cache that cannot look up without blocking continues on {@code mayBlock}.
     * Fails with the exceptions {@link #read} throws.
     */
    public CompletionStage<Optional<V>> readAsync(String id, Executor mayBlock) {
        Optional<CompletionStage<Lookup<V>>> pending = cache.lookupWithoutBlocking(id);
        if (pending.isEmpty()) {
            return CompletableFuture.supplyAsync(() -> read(id), mayBlock);
        }
        return pending.get().handle((lookup, failure) -> {
            if (failure != null) {
                Throwable cause = AsyncFailures.cause(failure);
                if (!(cause instanceof CacheUnavailableException)) {
                    return CompletableFuture.<Optional<V>>failedFuture(cause);
                }
                events.redisFallback();
                LOG.log(Level.FINE, "Redis unavailable, reading from the source", cause);
                return CompletableFuture.supplyAsync(() -> loadCoalesced(id, null), mayBlock);
            }
            return switch (lookup) {
                case Lookup.Hit<V> hit -> {
                    events.hit();
                    yield CompletableFuture.completedFuture(Optional.of(hit.value()));
                }
                case Lookup.KnownAbsent<V> absent -> {
                    events.negativeHit();
                    yield CompletableFuture.completedFuture(Optional.<V>empty());
                }
                case Lookup.Miss<V> miss -> {
                    events.miss();
                    yield CompletableFuture.supplyAsync(() -> loadCoalesced(id, miss.generation()), mayBlock);
                }
            };
        }).thenCompose(next -> next);
    }

    /**
     * Drops the cached value; throws {@link CacheUnavailableException} if Redis cannot confirm it. Writes call it
     * through {@link CoherentWrites}, which owns when and how often.
     */
    void invalidate(String id) {
        cache.invalidate(id);
    }

    private Optional<V> loadCoalesced(String id, Long generation) {
        String flightKey = generation == null ? id + "#direct" : id + "#" + generation;
        CompletableFuture<Optional<V>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<V>> running = loadsInFlight.putIfAbsent(flightKey, mine);
        if (running != null) {
            events.coalesced();
            return await(running);
        }
        try {
            Optional<V> loaded = source.load(id);
            events.sourceLoad();
            if (generation != null) {
                writeBack(id, loaded, generation);
            }
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loadsInFlight.remove(flightKey, mine);
        }
    }

    private void writeBack(String id, Optional<V> loaded, long generation) {
        try {
            cache.storeUnlessInvalidated(id, loaded, generation,
                    loaded.isPresent() ? ttl.forPresent() : ttl.forAbsent());
        } catch (CacheUnavailableException e) {
            events.redisFallback();
            LOG.log(Level.FINE, "Could not write back to Redis", e);
        }
    }

    private static <V> Optional<V> await(CompletableFuture<Optional<V>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw AsyncFailures.unchecked(e);
        }
    }
}
