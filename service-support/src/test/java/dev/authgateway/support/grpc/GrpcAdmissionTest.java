package dev.authgateway.support.grpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.common.util.concurrent.ListenableFuture;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.testing.GrpcTestConfig;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gRPC servers' concurrency limit, over real sockets: past it a call is refused at once, and permits come back. */
class GrpcAdmissionTest {

    private static final int LIMIT = 2;

    private final HeldCache cache = new HeldCache();
    private RunningService server;
    private ManagedChannel channel;

    @BeforeEach
    void start() {
        server = GrpcServiceServer.builder().service(cache).start(GrpcTestConfig.with(Map.of(
                "grpc.admission.min-limit", "1", "grpc.admission.initial-limit", String.valueOf(LIMIT),
                "grpc.admission.max-limit", String.valueOf(LIMIT))), List.of());
        channel = GrpcChannels.open(GrpcTestConfig.channel(server.grpcPort()));
    }

    @AfterEach
    void stop() {
        cache.release.countDown();
        GrpcChannels.close(channel);
        server.close();
    }

    @Test
    void givenTheLimitInFlight_thenTheNextCallIsRefusedAtOnce_andAnsweredOnceAPermitIsBack() throws Exception {
        UserCacheGrpc.UserCacheFutureStub stub = UserCacheGrpc.newFutureStub(channel);
        List<ListenableFuture<GetUserResponse>> held = List.of(
                stub.getUser(GetUserRequest.newBuilder().setId("a").build()),
                stub.getUser(GetUserRequest.newBuilder().setId("b").build()));
        assertThat(cache.arrived.await(5, TimeUnit.SECONDS)).as("both held calls reached the service").isTrue();

        long start = System.nanoTime();
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> new CallDeadline(Duration.ofSeconds(5)).on(UserCacheGrpc.newBlockingStub(channel))
                        .getUser(GetUserRequest.newBuilder().setId("c").build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused, not queued until the deadline")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(cache.calls.get()).as("the refused call never reached the service").isEqualTo(LIMIT);

        cache.release.countDown();
        for (ListenableFuture<GetUserResponse> call : held) {
            assertThat(call.get(5, TimeUnit.SECONDS).getUser().getId()).isNotEmpty();
        }
        assertThat(new CallDeadline(Duration.ofSeconds(5)).on(UserCacheGrpc.newBlockingStub(channel))
                .getUser(GetUserRequest.newBuilder().setId("d").build()).getUser().getId()).isEqualTo("d");
    }

    /** Holds every read until released. */
    private static final class HeldCache extends UserCacheGrpc.UserCacheImplBase {
        final CountDownLatch arrived = new CountDownLatch(LIMIT);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
            calls.incrementAndGet();
            arrived.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.onNext(GetUserResponse.newBuilder().setUser(User.newBuilder().setId(request.getId())).build());
            response.onCompleted();
        }
    }
}
