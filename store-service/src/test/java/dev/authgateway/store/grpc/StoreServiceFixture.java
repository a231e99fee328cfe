package dev.authgateway.store.grpc;

import java.util.HashMap;
import java.util.Map;

import dev.authgateway.proto.user.v1.AccountLifecycleGrpc;
import dev.authgateway.proto.user.v1.AccountMailGrpc;
import dev.authgateway.proto.passkey.v1.PasskeysGrpc;
import dev.authgateway.proto.secondfactor.v1.SecondFactorsGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.store.Main;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestDatabase;
import dev.authgateway.testing.TestMail;
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
 * The store-service started on free ports over its own database and mail server before a test class's tests, with a gRPC channel
 * to it, and stopped after them (register it with {@code @RegisterExtension}).
 */
final class StoreServiceFixture implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> extra;
    /** The key that seals second-factor secrets in tests: 32 bytes, base64; never a real one. */
    static final String TEST_KEY_ID = "test";
    static final String TEST_KEY = "dGVzdC1vbmx5IGtleSBmb3Igc2Vjb25kIGZhY3RvcnM=";

    private TestDatabase database;
    private TestMail mail;
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

    StoreServiceFixture() {
        this(Map.of());
    }

    /** With these settings over the shipped yaml, the test database's and the test mail server's. */
    StoreServiceFixture(Map<String, String> extra) {
        this.extra = extra;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        mail = TestMail.start();
        Map<String, String> config = new HashMap<>(database.config());
        config.putAll(mail.config());
        config.putAll(extra);
        config.put("app.second-factor.encryption.keys", TEST_KEY_ID + ":" + TEST_KEY);
        service = Main.start(ApplicationYaml.with(FreePort.pickedOnBind(config)));
        channel = GrpcChannels.open(Config.just(ConfigSources.create(Map.of(
                "implementation", "grpc-java", "host", "127.0.0.1", "port", String.valueOf(service.grpcPort()),
                "load-balancing", "pick_first", "keepalive", "PT30S"))));
    }

    SecondFactorsGrpc.SecondFactorsBlockingStub secondFactors() {
        return SecondFactorsGrpc.newBlockingStub(started);
    }

    PasskeysGrpc.PasskeysBlockingStub passkeys() {
        return PasskeysGrpc.newBlockingStub(started);
    }

    UserStoreGrpc.UserStoreBlockingStub store() {
        return UserStoreGrpc.newBlockingStub(started);
    }

    /** The SMTP server the store sends to. */
    TestMail mail() {
        return mail;
    }

    AccountLifecycleGrpc.AccountLifecycleBlockingStub lifecycle() {
        return AccountLifecycleGrpc.newBlockingStub(started);
    }

    AccountMailGrpc.AccountMailBlockingStub accountMail() {
        return AccountMailGrpc.newBlockingStub(started);
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
        mail.close();
        database.close();
    }
}
