package dev.authgateway.cache.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.authgateway.cache.domain.AsyncFailures;
import dev.authgateway.cache.domain.CacheStore;
import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.domain.Lookup;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.ByteArrayCodec;

/**
 * The cache in Redis through Redisson. A value key holds the value's bytes, or zero bytes for "known absent";
 * a generation key counts invalidations and fences write-backs.
 */
public final class RedisCacheStore<V> implements CacheStore<V> {

    private static final byte[] ABSENT = new byte[0];

    /** KEYS: value, generation. ARGV: expected generation, bytes, ttl ms. */
    private static final String STORE_UNLESS_INVALIDATED = """
            local current = redis.call('GET', KEYS[2]) or '0'
            if current == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;

    /** KEYS: value, generation. ARGV: generation ttl ms. */
    private static final String INVALIDATE = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            return 1
            """;

    /** Longer than any load can take, so a load never outlives the generation it read. */
    private static final Duration GENERATION_TTL = Duration.ofDays(1);

    private final RedissonClient redisson;
    private final CacheKeys keys;
    private final ValueCodec<V> codec;
    private final ReplicaAck invalidationAck;

    public RedisCacheStore(RedissonClient redisson, String keyPrefix, ValueCodec<V> codec) {
        this(redisson, keyPrefix, codec, ReplicaAck.NONE);
    }

    /**
     * With {@code invalidationAck.replicas() > 0} an invalidation counts as done only once that many replicas have
     * it (Redis WAIT): a failover right after {@code updateProfile} cannot promote a replica that still holds the
     * old value.
     */
    public RedisCacheStore(RedissonClient redisson, String keyPrefix, ValueCodec<V> codec, ReplicaAck invalidationAck) {
        this.redisson = redisson;
        this.keys = new CacheKeys(keyPrefix);
        this.codec = codec;
        this.invalidationAck = invalidationAck;
    }

    /** How many replicas must acknowledge a write, and how long to wait for them. */
    public record ReplicaAck(int replicas, Duration timeout) {
        public static final ReplicaAck NONE = new ReplicaAck(0, Duration.ZERO);
    }

    /**
     * A hit costs one GET. On a miss the generation is read afterwards, still before the load starts, which is all
     * the fence needs: an invalidation after this read moves the generation on and voids the write-back.
     */
    @Override
    public Lookup<V> lookup(String id) {
        try {
            byte[] value = redisson.<byte[]>getBucket(keys.value(id), ByteArrayCodec.INSTANCE).get();
            if (value != null) {
                return found(value);
            }
            return miss(redisson.<byte[]>getBucket(keys.generation(id), ByteArrayCodec.INSTANCE).get());
        } catch (RedisException e) {
            throw new CacheUnavailableException(e);
        }
    }

    /** {@link #lookup} with Redisson's asynchronous GETs: the stage completes on Redisson's event loop. */
    @Override
    public Optional<CompletionStage<Lookup<V>>> lookupWithoutBlocking(String id) {
        CompletionStage<Lookup<V>> lookup;
        try {
            lookup = redisson.<byte[]>getBucket(keys.value(id), ByteArrayCodec.INSTANCE).getAsync()
                    .thenCompose(value -> value != null
                            ? CompletableFuture.completedFuture(found(value))
                            : redisson.<byte[]>getBucket(keys.generation(id), ByteArrayCodec.INSTANCE).getAsync()
                                    .thenApply(RedisCacheStore::miss));
        } catch (RedisException e) {
            lookup = CompletableFuture.failedFuture(e);
        }
        return Optional.of(lookup.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                AsyncFailures.cause(failure) instanceof RedisException redis ? new CacheUnavailableException(redis) : failure)));
    }

    private Lookup<V> found(byte[] value) {
        return value.length == 0 ? new Lookup.KnownAbsent<>() : new Lookup.Hit<>(codec.decode(value));
    }

    private static <V> Lookup<V> miss(byte[] generation) {
        return new Lookup.Miss<>(generation == null ? 0 : Long.parseLong(ascii(generation)));
    }

    @Override
    public boolean storeUnlessInvalidated(String id, Optional<V> value, long generation, Duration ttl) {
        Long written = run(STORE_UNLESS_INVALIDATED, id,
                bytes(Long.toString(generation)),
                value.map(codec::encode).orElse(ABSENT),
                bytes(Long.toString(ttl.toMillis())));
        return written != null && written == 1L;
    }

    @Override
    public void invalidate(String id) {
        byte[] generationTtl = bytes(Long.toString(GENERATION_TTL.toMillis()));
        if (invalidationAck.replicas() == 0) {
            run(INVALIDATE, id, generationTtl);
            return;
        }
        try {
            RBatch batch = redisson.createBatch(BatchOptions.defaults()
                    .sync(invalidationAck.replicas(), invalidationAck.timeout()));
            batch.getScript(ByteArrayCodec.INSTANCE).evalAsync(RScript.Mode.READ_WRITE, INVALIDATE,
                    RScript.ReturnType.LONG, scriptKeys(id), generationTtl);
            BatchResult<?> result = batch.execute();
            if (result.getSyncedSlaves() < invalidationAck.replicas()) {
                throw new CacheUnavailableException(new RedisException("invalidation reached "
                        + result.getSyncedSlaves() + " of " + invalidationAck.replicas() + " replicas"));
            }
        } catch (RedisException e) {
            throw new CacheUnavailableException(e);
        }
    }

    private Long run(String script, String id, Object... args) {
        try {
            return redisson.getScript(ByteArrayCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script,
                    RScript.ReturnType.LONG, scriptKeys(id), args);
        } catch (RedisException e) {
            throw new CacheUnavailableException(e);
        }
    }

    /** The KEYS of both scripts: value, generation. */
    private List<Object> scriptKeys(String id) {
        return List.of(keys.value(id), keys.generation(id));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
