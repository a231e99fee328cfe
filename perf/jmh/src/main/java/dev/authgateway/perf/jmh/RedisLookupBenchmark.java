package dev.authgateway.perf.jmh;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.authgateway.cache.domain.Lookup;
import dev.authgateway.cache.redis.ProtobufUserCodec;
import dev.authgateway.cache.redis.RedisCacheStore;
import dev.authgateway.support.redis.RedisClients;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.testing.TestRedis;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.redisson.api.RedissonClient;

/** Stage 5: one cache hit through Redisson against the real Redis (TEST_REDIS_ADDRESS), own key prefix. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedisLookupBenchmark {

    private TestRedis redis;
    private RedissonClient redisson;
    private RedisCacheStore<User> cache;

    @Setup
    public void setUp() {
        redis = TestRedis.create();
        redisson = RedisClients.open(InProcess.config("cache-service",
                Map.of("app.redis.address", redis.address())).get("app.redis"));
        cache = new RedisCacheStore<>(redisson, redis.keyPrefix(), new ProtobufUserCodec());
        cache.storeUnlessInvalidated(InProcess.ADA.getId(), Optional.of(InProcess.ADA), 0, Duration.ofHours(1));
    }

    @TearDown
    public void tearDown() {
        redisson.shutdown();
        redis.close();
    }

    @Benchmark
    public Lookup<User> lookupHit() {
        return cache.lookup(InProcess.ADA.getId());
    }
}
