package dev.authgateway.store.grpc;

import java.util.Map;

import dev.authgateway.proto.secondfactor.v1.SecondFactorsGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.store.Main;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestDatabase;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The store-service started on free ports over its own database before a test class's tests, with a gRPC channel
 * to it, and stopped after them (register it with {@code @RegisterExtension}).
 */
final class StoreServiceFixture implements BeforeAllCallback, AfterAllCallback {

    /** The key that seals second-factor secrets in tests: 32 bytes, base64; never a real one. */
    static final String TEST_KEY_ID = "test";
    static final String TEST_KEY = "dGVzdC1vbmx5IGtleSBmb3Igc2Vjb25kIGZhY3RvcnM=";

    private TestDatabase database;
    private RunningService service;
    private ManagedChannel channel;

    /** Calls go to the channel opened when the service starts, so a stub can be made before that. */
    private final Channel started = new Channel() {
        @Override
        public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
            return channel.newCall(method, options);
        }

        @Override
        public String authority() {
            return channel.authority();
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        Map<String, String> config = FreePort.pickedOnBind(database.config());
        config.put("app.second-factor.encryption.keys", TEST_KEY_ID + ":" + TEST_KEY);
        service = Main.start(ApplicationYaml.with(config));
        channel = GrpcChannels.open(Config.just(ConfigSources.create(Map.of(
                "implementation", "grpc-java", "host", "127.0.0.1", "port", String.valueOf(service.grpcPort()),
                "load-balancing", "pick_first", "keepalive", "PT30S"))));
    }

    SecondFactorsGrpc.SecondFactorsBlockingStub secondFactors() {
        return SecondFactorsGrpc.newBlockingStub(started);
    }

    UserStoreGrpc.UserStoreBlockingStub store() {
        return UserStoreGrpc.newBlockingStub(started);
    }

    TestDatabase database() {
        return database;
    }

    int httpPort() {
        return service.port();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        GrpcChannels.close(channel);
        service.close();
        database.close();
    }
}
