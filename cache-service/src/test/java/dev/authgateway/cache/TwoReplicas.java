package dev.authgateway.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestRedis;
import io.grpc.ManagedChannel;

/**
 * Two cache-service processes' worth of replicas (each with its near cache and Redis client) over one Redis key
 * prefix and one fake store, each reached over its own gRPC channel: what the coherence tests read and write through.
 */
final class TwoReplicas implements AutoCloseable {

    final FakeUserStore store = new FakeUserStore();
    final List<UserCacheGrpc.UserCacheBlockingStub> stubs = new ArrayList<>();
    private final TestRedis redis = TestRedis.create();
    private final RunningService storeServer;
    private final List<RunningService> replicas = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    TwoReplicas() {
        storeServer = GrpcServiceServer.builder().service(store).start(ports(Map.of()), List.of());
        for (int i = 0; i < 2; i++) {
            Map<String, String> config = new HashMap<>(redis.config());
            config.put("app.store.port", String.valueOf(storeServer.grpcPort()));
            RunningService replica = Main.start(ports(config));
            replicas.add(replica);
            ManagedChannel channel = GrpcChannels.open(ApplicationYaml.with(
                    Map.of("app.store.port", String.valueOf(replica.grpcPort()))).get("app.store"));
            channels.add(channel);
            stubs.add(UserCacheGrpc.newBlockingStub(channel));
        }
    }

    @Override
    public void close() {
        channels.forEach(GrpcChannels::close);
        replicas.forEach(RunningService::close);
        storeServer.close();
        redis.close();
    }

    private static io.helidon.config.Config ports(Map<String, String> config) {
        return ApplicationYaml.with(FreePort.pickedOnBind(config));
    }
}
