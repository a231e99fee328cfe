package dev.authgateway.support.redis;

import java.time.Duration;

import io.helidon.config.Config;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;

/** A Redisson client from an {@code app.redis} config node (address or Sentinels, password, timeouts, pool, key prefix). */
public final class RedisClients {

    private RedisClients() {
    }

    /**
     * Single-server mode from {@code address}, or Sentinel mode when {@code sentinel.master-name} and
     * {@code sentinel.addresses} (comma-separated) are set; then every read and write goes to the master, so a reply
     * never comes from a replica that has not caught up.
     */
    public static RedissonClient open(Config redis) {
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.setCodec(ByteArrayCodec.INSTANCE);
        // Connect on first use: the service starts, and serves from the store, while Redis is down.
        config.setLazyInitialization(true);
        String masterName = redis.get("sentinel.master-name").asString().orElse("");
        if (masterName.isBlank()) {
            configure(config.useSingleServer()
                    .setAddress(redis.get("address").asString().orElseThrow(() ->
                            new IllegalStateException("Missing required config: app.redis.address")))
                    .setConnectionPoolSize(redis.get("pool-size").asInt().orElse(32))
                    .setConnectionMinimumIdleSize(redis.get("min-idle").asInt().orElse(4)), redis);
        } else {
            String[] sentinels = redis.get("sentinel.addresses").asString().orElse("").split(",");
            configure(config.useSentinelServers()
                    .setMasterName(masterName)
                    .addSentinelAddress(java.util.Arrays.stream(sentinels).map(String::strip)
                            .filter(address -> !address.isEmpty()).toArray(String[]::new))
                    .setScanInterval(millis(redis.get("sentinel.scan-interval"), Duration.ofSeconds(1)))
                    .setCheckSentinelsList(false)
                    .setSentinelPassword(redis.get("sentinel.password").asString()
                            .asOptional().or(() -> redis.get("password").asString().asOptional())
                            .filter(password -> !password.isEmpty()).orElse(null))
                    .setReadMode(ReadMode.MASTER)
                    .setMasterConnectionPoolSize(redis.get("pool-size").asInt().orElse(32))
                    .setMasterConnectionMinimumIdleSize(redis.get("min-idle").asInt().orElse(4))
                    .setSlaveConnectionMinimumIdleSize(0), redis);
        }
        return Redisson.create(config);
    }

    private static void configure(BaseConfig<?> servers, Config redis) {
        servers.setTimeout(millis(redis.get("timeout"), Duration.ofMillis(500)))
                .setConnectTimeout(millis(redis.get("connect-timeout"), Duration.ofSeconds(1)))
                .setRetryAttempts(redis.get("retry-attempts").asInt().orElse(1))
                .setRetryDelay(new ConstantDelay(redis.get("retry-delay").as(Duration.class)
                        .orElse(Duration.ofMillis(200))))
                .setPingConnectionInterval(millis(redis.get("ping-interval"), Duration.ofSeconds(5)));
        redis.get("password").asString().filter(password -> !password.isEmpty()).ifPresent(servers::setPassword);
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
        return redis.get("key-prefix").asString().orElse("authgw:");
    }

    private static int millis(Config node, Duration fallback) {
        return (int) node.as(Duration.class).orElse(fallback).toMillis();
    }
}
