package dev.authgateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.Config;

/**
 * A key prefix of its own on the Redis named by TEST_REDIS_ADDRESS. {@link #close()} deletes the keys under that
 * prefix and nothing else.
 */
public final class TestRedis implements AutoCloseable {

    private final String address;
    private final String keyPrefix = "test:" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ":";
    private final RedissonClient client;

    private TestRedis(String address) {
        this.address = address;
        Config config = new Config();
        config.setCodec(ByteArrayCodec.INSTANCE);
        config.useSingleServer().setAddress(address).setConnectionMinimumIdleSize(1).setConnectionPoolSize(2)
                .setRetryAttempts(1);
        this.client = Redisson.create(config);
    }

    public static TestRedis create() {
        return new TestRedis(env("TEST_REDIS_ADDRESS", "redis://127.0.0.1:6379"));
    }

    /** A prefix on a Redis of the test's own, e.g. one it will stop to see what an outage does. */
    public static TestRedis at(String address) {
        return new TestRedis(address);
    }

    public String address() {
        return address;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    /** The cache-service's app.redis.* settings for this prefix. */
    public Map<String, String> config() {
        return Map.of("app.redis.address", address, "app.redis.key-prefix", keyPrefix);
    }

    public List<String> keys() {
        return keysMatching(keyPrefix + "*");
    }

    /** Keys matching a pattern, for tests that look at what another client wrote (e.g. on a replica). */
    public List<String> keysMatching(String pattern) {
        List<String> keys = new ArrayList<>();
        client.getKeys().getKeys(KeysScanOptions.defaults().pattern(pattern)).forEach(keys::add);
        return keys;
    }

    public byte[] get(String key) {
        return client.<byte[]>getBucket(key).get();
    }

    public long pttl(String key) {
        return client.getBucket(key).remainTimeToLive();
    }

    /** Deletes this prefix's keys; a Redis that is gone (a test killed it) has none left to delete. */
    @Override
    public void close() {
        try {
            List<String> mine = keys();
            if (!mine.isEmpty()) {
                client.getKeys().delete(mine.toArray(String[]::new));
            }
        } catch (org.redisson.client.RedisException gone) {
            // nothing to clean on a server that no longer runs
        } finally {
            client.shutdown();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
