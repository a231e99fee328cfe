package dev.authgateway.systemtest.transport;

import java.util.Map;

import dev.authgateway.support.redis.RedisClients;
import dev.authgateway.testing.RedisProcess;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
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
        RedissonClient client = RedisClients.open(Config.just(ConfigSources.create(Map.of(
                "address", redis.address(), "password", password, "retry-attempts", "0"))));
        try {
            return RedisClients.reachable(client, "authgw-password-it:");
        } finally {
            client.shutdown();
        }
    }
}
