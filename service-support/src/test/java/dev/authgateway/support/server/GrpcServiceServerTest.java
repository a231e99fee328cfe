package dev.authgateway.support.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.testing.GrpcTestConfig;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.helidon.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcServiceServerTest {

    private final AtomicBoolean dependencyUp = new AtomicBoolean(true);
    private RunningService server;
    private ManagedChannel channel;

    @BeforeEach
    void start() {
        Config config = GrpcTestConfig.with(Map.of());
        server = GrpcServiceServer.builder()
                .readiness(HealthChecks.readiness("dependency", dependencyUp::get))
                .start(config, List.of());
        channel = GrpcChannels.open(GrpcTestConfig.channel(server.grpcPort()));
    }

    @AfterEach
    void stop() {
        GrpcChannels.close(channel);
        server.close();
    }

    @Test
    void givenDependencyDown_thenGrpcHealthAndHttpReadinessBothSayNotReady() throws Exception {
        var health = HealthGrpc.newBlockingStub(channel);
        CallDeadline deadline = new CallDeadline(Duration.ofSeconds(2));
        assertThat(deadline.on(health).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.SERVING);
        assertThat(httpStatus("/observe/health/ready")).isEqualTo(200);

        dependencyUp.set(false);

        assertThat(deadline.on(health).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(ServingStatus.NOT_SERVING);
        assertThat(httpStatus("/observe/health/ready")).isEqualTo(503);
        assertThat(httpStatus("/observe/health/live")).isEqualTo(200);
    }

    private int httpStatus(String path) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
