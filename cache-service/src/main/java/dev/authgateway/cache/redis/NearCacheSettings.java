package dev.authgateway.cache.redis;

import java.time.Duration;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * {@code app.cache.near}: whether replicas keep a near cache, how long and how many values, the lease that lets a
 * replica serve from it, and how long a writer waits for the replicas' acknowledgements.
 */
public record NearCacheSettings(boolean enabled, Duration ttl, long maxEntries, Duration lease, Duration ackTimeout) {

    public NearCacheSettings {
        if (enabled && ackTimeout.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("app.cache.near.ack-timeout must be shorter than app.cache.near.lease");
        }
    }

    public static NearCacheSettings from(Config near) {
        return new NearCacheSettings(Required.bool(near.get("enabled")), Required.duration(near.get("ttl")),
                Required.integer(near.get("max-entries")), Required.duration(near.get("lease")),
                Required.duration(near.get("ack-timeout")));
    }
}
