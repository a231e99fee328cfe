package dev.authgateway.store.grpc;

import java.util.HashMap;
import java.util.Map;

import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.store.Main;
import dev.authgateway.store.testing.TestDatabase;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.RunningService;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/** The store-service started on free ports over its own database, with a gRPC channel to it. */
final class StoreServiceFixture implements AutoCloseable {

    private final TestDatabase database;
    private final RunningService service;
    private final ManagedChannel channel;

    private StoreServiceFixture(TestDatabase database, RunningService service, ManagedChannel channel) {
        this.database = database;
        this.service = service;
        this.channel = channel;
    }

    static StoreServiceFixture start() {
        TestDatabase database = TestDatabase.create();
        Map<String, String> config = new HashMap<>(database.config());
        config.put("server.port", "0");
        config.put("grpc.port", "0");
        RunningService service = Main.start(ApplicationYaml.with(config));
        ManagedChannel channel = GrpcChannels.open(Config.just(ConfigSources.create(Map.of(
                "implementation", "grpc-java", "host", "127.0.0.1", "port", String.valueOf(service.grpcPort()),
                "load-balancing", "pick_first", "keepalive", "PT30S"))));
        return new StoreServiceFixture(database, service, channel);
    }

    UserStoreGrpc.UserStoreBlockingStub store() {
        return UserStoreGrpc.newBlockingStub(channel);
    }

    TestDatabase database() {
        return database;
    }

    int httpPort() {
        return service.port();
    }

    @Override
    public void close() {
        GrpcChannels.close(channel);
        service.close();
        database.close();
    }
}
