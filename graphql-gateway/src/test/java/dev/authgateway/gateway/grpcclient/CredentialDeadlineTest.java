package dev.authgateway.gateway.grpcclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.proto.user.v1.VerifyCredentialsResponse;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.testing.GrpcTestConfig;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Login waits for a hash; it gets its own deadline, longer than the other store calls', over a real gRPC socket. */
class CredentialDeadlineTest {

    private static final Duration STORE_ANSWERS_AFTER = Duration.ofMillis(400);
    private static final User ADA = User.newBuilder().setId("u-1").setUsername("ada").setEmail("ada@example.com")
            .setDisplayName("Ada").build();

    private RunningService slowStore;
    private ManagedChannel channel;

    @BeforeEach
    void start() {
        slowStore = GrpcServiceServer.builder().service(new SlowStore()).start(GrpcTestConfig.with(Map.of()), List.of());
        channel = GrpcChannels.open(GrpcTestConfig.channel(slowStore.grpcPort()));
    }

    @AfterEach
    void stop() {
        GrpcChannels.close(channel);
        slowStore.close();
    }

    @Test
    void aLoginSlowerThanTheStoreDeadlineSucceedsWithinTheCredentialDeadline() {
        GrpcUserDirectory directory = directory(Duration.ofMillis(200), Duration.ofSeconds(2));

        assertThat(directory.verifyCredentials("ada", "correct horse battery staple").username()).isEqualTo("ada");
    }

    @Test
    void aLoginSlowerThanTheCredentialDeadlineIsUnavailable() {
        GrpcUserDirectory directory = directory(Duration.ofSeconds(2), Duration.ofMillis(200));

        assertThatThrownBy(() -> directory.verifyCredentials("ada", "correct horse battery staple"))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    private GrpcUserDirectory directory(Duration storeDeadline, Duration credentialDeadline) {
        return new GrpcUserDirectory(channel, new CallDeadline(storeDeadline), new CallDeadline(credentialDeadline),
                channel, new CallDeadline(storeDeadline), new CallDeadline(storeDeadline), Duration.ofMillis(150),
                GrpcUserDirectory.cacheReadBreaker(Config.just(ConfigSources.create(Map.of("volume", "20",
                        "error-ratio", "60", "delay", "PT2S", "success-threshold", "1")))));
    }

    private static final class SlowStore extends UserStoreGrpc.UserStoreImplBase {

        @Override
        public void verifyCredentials(VerifyCredentialsRequest request,
                                      StreamObserver<VerifyCredentialsResponse> response) {
            pause();
            response.onNext(VerifyCredentialsResponse.newBuilder().setUser(ADA).build());
            response.onCompleted();
        }

        private static void pause() {
            try {
                Thread.sleep(STORE_ANSWERS_AFTER);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
