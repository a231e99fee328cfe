package dev.authgateway.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.RedisProcess;
import dev.authgateway.testing.TestRedis;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis behind Sentinel (one master, one replica, three Sentinels, all processes of this test): the master is killed,
 * and every read still answers correctly (from the store while no master is reachable), and reads go back to cache
 * hits on the promoted replica without a restart.
 */
class SentinelFailoverIT {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(5));

    @Test
    void givenTheMasterKilled_thenReadsStayCorrectAndReturnToCacheHitsAfterPromotion() throws Exception {
        FakeUserStore store = new FakeUserStore();
        User ada = User.newBuilder().setId(UUID.randomUUID().toString()).setUsername("ada")
                .setEmail("ada@example.com").setDisplayName("Ada").setVersion(1).build();
        store.put(ada);
        try (RedisProcess master = RedisProcess.master();
             RedisProcess replica = inSync(RedisProcess.replicaOf(master));
             RedisProcess sentinel1 = RedisProcess.sentinel("authgw", master);
             RedisProcess sentinel2 = RedisProcess.sentinel("authgw", master);
             RedisProcess sentinel3 = RedisProcess.sentinel("authgw", master);
             RunningService storeServer = GrpcServiceServer.builder().service(store).start(ports(Map.of()), List.of());
             RunningService cache = dev.authgateway.cache.Main.start(ports(Map.of(
                     "app.redis.sentinel.master-name", "authgw",
                     "app.redis.sentinel.addresses", String.join(",", sentinel1.address(), sentinel2.address(),
                             sentinel3.address()),
                     "app.redis.key-prefix", "failover-test:",
                     "app.store.port", String.valueOf(storeServer.grpcPort()))))) {
            ManagedChannel channel = GrpcChannels.open(ApplicationYaml.with(
                    Map.of("app.store.port", String.valueOf(cache.grpcPort()))).get("app.store"));
            try {
                var users = UserCacheGrpc.newBlockingStub(channel);
                GetUserRequest read = GetUserRequest.newBuilder().setId(ada.getId()).build();
                assertThat(DEADLINE.on(users).getUser(read).getUser()).isEqualTo(ada);
                awaitReplicated(replica);
                for (RedisProcess sentinel : List.of(sentinel1, sentinel2, sentinel3)) {
                    sentinel.awaitCli(String.valueOf(replica.port()), "sentinel", "replicas", "authgw");
                }
                int loadsBeforeFailover = store.calls(ada.getId());

                master.kill();
                Instant deadline = Instant.now().plusSeconds(30);
                int reads = 0;
                boolean hitsAgain = false;
                while (Instant.now().isBefore(deadline) && !hitsAgain) {
                    int loadsBefore = store.calls(ada.getId());
                    assertThat(DEADLINE.on(users).getUser(read).getUser()).as("read " + reads).isEqualTo(ada);
                    reads++;
                    hitsAgain = store.calls(ada.getId()) == loadsBefore && reads > 3
                            && store.calls(ada.getId()) > loadsBeforeFailover;
                    Thread.sleep(100);
                }
                assertThat(hitsAgain).as("reads are cache hits again after the replica's promotion").isTrue();

                User renamed = DEADLINE.on(users).updateProfile(UpdateProfileRequest.newBuilder()
                        .setId(ada.getId()).setDisplayName("Ada Lovelace").build()).getUser();
                assertThat(renamed.getDisplayName()).isEqualTo("Ada Lovelace");
                assertThat(DEADLINE.on(users).getUser(read).getUser()).isEqualTo(renamed);
            } finally {
                GrpcChannels.close(channel);
            }
        }
    }

    /** A replica that has finished its first sync with the master, so Sentinel can promote it. */
    private static RedisProcess inSync(RedisProcess replica) throws Exception {
        replica.awaitCli("master_link_status:up", "info", "replication");
        return replica;
    }

    /** The read above wrote the user to the master; wait until the replica has it too. */
    private static void awaitReplicated(RedisProcess replica) throws Exception {
        try (TestRedis onReplica = TestRedis.at(replica.address())) {
            for (int i = 0; i < 200 && onReplica.keysMatching("failover-test:*").isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(onReplica.keysMatching("failover-test:*")).isNotEmpty();
        }
    }

    private static Config ports(Map<String, String> values) {
        return ApplicationYaml.with(FreePort.pickedOnBind(values));
    }
}
