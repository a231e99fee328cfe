package dev.authgateway.support.grpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.testing.GrpcTestConfig;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.helidon.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a headless Kubernetes Service gives a client: one name with an address per pod. The name here comes from a
 * hosts file of the test's own ({@code jdk.net.hosts.file}, set by the failsafe configuration), each "pod" is a
 * server on its own loopback address and the same port, and a "scale-up" is a line added to that file.
 */
class RoundRobinOverDnsIT {

    private static final String SERVICE_NAME = "cache-service.test.internal";
    private static final Path HOSTS = Path.of(System.getProperty("jdk.net.hosts.file"));

    /** Short so the test sees the client re-resolve within seconds; production uses minutes. */
    private static final String SHORT_AGE = "PT1S";
    private static final String LONG_AGE = "PT5M";

    private final List<RunningService> pods = new ArrayList<>();
    private ManagedChannel channel;

    @AfterEach
    void stop() throws IOException {
        if (channel != null) {
            GrpcChannels.close(channel);
        }
        pods.forEach(RunningService::close);
        Files.deleteIfExists(HOSTS);
    }

    @Test
    void callsAreSpreadOverEveryAddressOfTheName() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        int port = startPod("127.0.0.1", 0, first, LONG_AGE);
        startPod("127.0.0.2", port, second, LONG_AGE);
        resolveTo("127.0.0.1", "127.0.0.2");
        channel = GrpcChannels.open(clientConfig(port));
        callUntil(() -> first.get() > 0 && second.get() > 0);
        first.set(0);
        second.set(0);

        for (int i = 0; i < 20; i++) {
            getUser();
        }

        assertThat(first.get()).isEqualTo(10);
        assertThat(second.get()).isEqualTo(10);
    }

    @Test
    void aPodAddedLaterReceivesCallsOnTheSameChannel() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        int port = startPod("127.0.0.1", 0, first, SHORT_AGE);
        resolveTo("127.0.0.1");
        channel = GrpcChannels.open(clientConfig(port));
        getUser();
        assertThat(first.get()).isEqualTo(1);

        startPod("127.0.0.2", port, added, SHORT_AGE);
        resolveTo("127.0.0.1", "127.0.0.2");

        callUntil(() -> added.get() > 0);
        assertThat(added.get()).as("calls answered by the pod added after the client connected").isPositive();
    }

    private void callUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            getUser();
            Thread.sleep(20);
        }
    }

    private int startPod(String address, int port, AtomicInteger calls, String maxConnectionAge) {
        Config config = GrpcTestConfig.with(Map.of(
                "grpc.host", address, "grpc.port", String.valueOf(port),
                "grpc.max-connection-age", maxConnectionAge, "grpc.max-connection-age-grace", "PT1S"));
        RunningService pod = GrpcServiceServer.builder().service(new CountingCache(calls)).start(config, List.of());
        pods.add(pod);
        return pod.grpcPort();
    }

    private static void resolveTo(String... addresses) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String address : addresses) {
            lines.append(address).append(' ').append(SERVICE_NAME).append('\n');
        }
        Path written = Files.writeString(HOSTS.resolveSibling(HOSTS.getFileName() + ".new"), lines);
        Files.move(written, HOSTS, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Config clientConfig(int port) {
        return GrpcTestConfig.channel(port, Map.of("host", SERVICE_NAME));
    }

    private void getUser() {
        new CallDeadline(Duration.ofSeconds(2)).on(UserCacheGrpc.newBlockingStub(channel))
                .getUser(GetUserRequest.newBuilder().setId("u-1").build());
    }

    private static final class CountingCache extends UserCacheGrpc.UserCacheImplBase {
        private final AtomicInteger calls;

        CountingCache(AtomicInteger calls) {
            this.calls = calls;
        }

        @Override
        public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
            calls.incrementAndGet();
            response.onNext(GetUserResponse.getDefaultInstance());
            response.onCompleted();
        }
    }
}
