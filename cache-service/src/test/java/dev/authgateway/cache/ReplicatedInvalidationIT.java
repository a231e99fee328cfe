package dev.authgateway.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.redis.ProtobufUserCodec;
import dev.authgateway.cache.redis.RedisCacheStore;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.testing.RedisProcess;
import dev.authgateway.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With invalidation-replicas 1, an invalidation is acknowledged only once a replica holds it, so a failover cannot
 * promote a replica that still serves the value updateProfile replaced; without a replica it fails instead.
 */
class ReplicatedInvalidationIT {

    @Test
    void givenAReplica_thenInvalidationReachesItBeforeSucceeding_andWithoutOneItFails() throws Exception {
        try (RedisProcess master = RedisProcess.master();
             RedisProcess replica = RedisProcess.replicaOf(master)) {
            replica.awaitCli("master_link_status:up", "info", "replication");
            Config config = new Config();
            config.useSingleServer().setAddress(master.address()).setTimeout(2000);
            RedissonClient redisson = Redisson.create(config);
            try (TestRedis onReplica = TestRedis.at(replica.address())) {
                String prefix = "ack-test:";
                var store = new RedisCacheStore<>(redisson, prefix, new ProtobufUserCodec(),
                        new RedisCacheStore.ReplicaAck(1, Duration.ofMillis(500)));
                String id = UUID.randomUUID().toString();
                User ada = User.newBuilder().setId(id).setUsername("ada").setVersion(1).build();
                assertThat(store.storeUnlessInvalidated(id, Optional.of(ada), 0, Duration.ofMinutes(5))).isTrue();

                store.invalidate(id);

                assertThat(onReplica.keysMatching(prefix + "*"))
                        .as("the replica has the invalidation when invalidate returns")
                        .contains(prefix + "user:{" + id + "}:gen")
                        .doesNotContain(prefix + "user:{" + id + "}");
                replica.kill();
                assertThatThrownBy(() -> store.invalidate(id)).isInstanceOf(CacheUnavailableException.class);
            } finally {
                redisson.shutdown();
            }
        }
    }
}
