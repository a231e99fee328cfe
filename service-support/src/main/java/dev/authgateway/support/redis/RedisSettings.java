package dev.authgateway.support.redis;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * An {@code app.redis} node: single-server {@code address}, or Sentinels when {@code sentinel.master-name} is set;
 * defaults in the service's application.yaml. {@code sentinel.password} alone may be absent: the Sentinels then get
 * {@code password}. An empty password is no AUTH.
 */
public record RedisSettings(String address, String masterName, List<String> sentinelAddresses,
                            Duration sentinelScanInterval, String password, Optional<String> sentinelPassword,
                            String keyPrefix, Duration timeout, Duration connectTimeout, int retryAttempts,
                            Duration retryDelay, int poolSize, int minIdle, Duration pingInterval) {

    public RedisSettings {
        sentinelAddresses = List.copyOf(sentinelAddresses);
    }

    public static RedisSettings from(Config redis) {
        return new RedisSettings(
                Required.string(redis.get("address")),
                Required.string(redis.get("sentinel.master-name")),
                Arrays.stream(Required.string(redis.get("sentinel.addresses")).split(","))
                        .map(String::strip).filter(address -> !address.isEmpty()).toList(),
                Required.duration(redis.get("sentinel.scan-interval")),
                Required.string(redis.get("password")),
                redis.get("sentinel.password").asString().asOptional(),
                Required.string(redis.get("key-prefix")),
                Required.duration(redis.get("timeout")),
                Required.duration(redis.get("connect-timeout")),
                Required.integer(redis.get("retry-attempts")),
                Required.duration(redis.get("retry-delay")),
                Required.integer(redis.get("pool-size")),
                Required.integer(redis.get("min-idle")),
                Required.duration(redis.get("ping-interval")));
    }

    public boolean sentinel() {
        return !masterName.isBlank();
    }

    /** The Sentinels' AUTH password, or null for none. */
    String sentinelAuth() {
        return sentinelPassword.or(() -> Optional.of(password)).filter(value -> !value.isEmpty()).orElse(null);
    }

    @Override
    public String toString() {
        return "RedisSettings[address=" + address + ", masterName=" + masterName + ", keyPrefix=" + keyPrefix + "]";
    }
}
