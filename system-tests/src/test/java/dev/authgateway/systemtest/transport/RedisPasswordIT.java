package dev.authgateway.systemtest.transport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.authgateway.support.redis.RedisClients;
import dev.authgateway.support.redis.RedisSettings;
import dev.authgateway.testing.RedisProcess;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis that requires a password, as the Kubernetes deployment's does: app.redis.password gets the services in. */
class RedisPasswordIT {

    @Test
    void onlyTheConfiguredPasswordReachesRedis() throws Exception {
        try (RedisProcess redis = RedisProcess.master("--requirepass", "k8s-secret-value")) {
            assertThat(reachable(redis, "k8s-secret-value")).isTrue();
            assertThat(reachable(redis, "a-wrong-password")).isFalse();
            assertThat(reachable(redis, "")).isFalse();
        }
    }

    private static boolean reachable(RedisProcess redis, String password) {
        RedissonClient client = RedisClients.open(new RedisSettings(redis.address(), "", List.of(),
                Duration.ofSeconds(1), password, Optional.empty(), "authgw-password-it:", Duration.ofMillis(500),
                Duration.ofSeconds(1), 0, Duration.ofMillis(200), 2, 1, Duration.ofSeconds(5)));
        try {
            return RedisClients.reachable(client, "authgw-password-it:");
        } finally {
            client.shutdown();
        }
    }
}
