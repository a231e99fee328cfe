package dev.authgateway.store.grpc;

import java.util.Map;

import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.store.Main;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestDatabase;
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
        Config config = Config.just(ConfigSources.create(FreePort.pickedOnBind(database.config())));
        RunningService service = Main.start(config);
        ManagedChannel channel = GrpcChannels.open(Config.just(ConfigSources.create(
                Map.of("port", String.valueOf(service.grpcPort())))));
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
