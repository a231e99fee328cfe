package dev.authgateway.support.redis;

import java.time.Duration;

import io.helidon.config.Config;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SubscriptionMode;

/** A Redisson client from an {@code app.redis} config node ({@link RedisSettings}). */
public final class RedisClients {

    private RedisClients() {
    }

    /**
     * Single-server mode from {@code address}, or Sentinel mode when {@code sentinel.master-name} and
     * {@code sentinel.addresses} (comma-separated) are set; then every read and write goes to the master, so a reply
     * never comes from a replica that has not caught up.
     */
    public static RedissonClient open(Config redis) {
        return open(RedisSettings.from(redis));
    }

    public static RedissonClient open(RedisSettings redis) {
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.setCodec(ByteArrayCodec.INSTANCE);
        // Connect on first use: the service starts, and serves from the store, while Redis is down.
        config.setLazyInitialization(true);
        // Redisson's defaults, 32 event-loop and 16 listener threads, are for large hosts; on a 2-core container they
        // are threads that idle, started one at a time as connections come and go (the slow-network drill counted them
        // as growth after each fault). Two per core each; every Redis call here is asynchronous or short.
        int threads = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        config.setNettyThreads(threads);
        config.setThreads(threads);
        if (!redis.sentinel()) {
            configure(config.useSingleServer()
                    .setAddress(redis.address())
                    .setConnectionPoolSize(redis.poolSize())
                    .setConnectionMinimumIdleSize(redis.minIdle()), redis);
        } else {
            configure(config.useSentinelServers()
                    .setMasterName(redis.masterName())
                    .addSentinelAddress(redis.sentinelAddresses().toArray(String[]::new))
                    .setScanInterval(millis(redis.sentinelScanInterval()))
                    .setCheckSentinelsList(false)
                    .setSentinelPassword(redis.sentinelAuth())
                    .setReadMode(ReadMode.MASTER)
                    // Near-cache invalidations are published on the master; a replica would deliver them late.
                    .setSubscriptionMode(SubscriptionMode.MASTER)
                    .setMasterConnectionPoolSize(redis.poolSize())
                    .setMasterConnectionMinimumIdleSize(redis.minIdle())
                    .setSlaveConnectionMinimumIdleSize(0), redis);
        }
        return Redisson.create(config);
    }

    private static void configure(BaseConfig<?> servers, RedisSettings redis) {
        servers.setTimeout(millis(redis.timeout()))
                .setConnectTimeout(millis(redis.connectTimeout()))
                .setRetryAttempts(redis.retryAttempts())
                .setRetryDelay(new ConstantDelay(redis.retryDelay()))
                .setPingConnectionInterval(millis(redis.pingInterval()));
        if (!redis.password().isEmpty()) {
            servers.setPassword(redis.password());
        }
    }

    /** One cheap command round trip; false when Redis does not answer within the client's timeout. */
    public static boolean reachable(RedissonClient redisson, String keyPrefix) {
        try {
            redisson.getBucket(keyPrefix + "readiness").isExists();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static String keyPrefix(Config redis) {
        return RedisSettings.from(redis).keyPrefix();
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }
}
