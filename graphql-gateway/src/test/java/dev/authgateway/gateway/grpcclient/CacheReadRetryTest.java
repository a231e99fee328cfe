package dev.authgateway.gateway.grpcclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UpdateProfileResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.testing.GrpcTestConfig;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The cache channel's service config, over real gRPC sockets: the read is retried on UNAVAILABLE, the write never;
 * a read the cache-service still cannot answer, or does not answer within its deadline, goes to the store-service, at
 * once while the breaker over those reads is open.
 */
class CacheReadRetryTest {

    private static final User ADA = User.newBuilder().setId("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60")
            .setUsername("ada").setEmail("ada@example.com").setDisplayName("Ada").build();
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(5));

    private final FlakyCache flaky = new FlakyCache();
    private final CountingStore store = new CountingStore();
    private RunningService server;
    private RunningService storeServer;
    private ManagedChannel channel;
    private ManagedChannel storeChannel;
    private GrpcUserDirectory directory;

    @BeforeEach
    void start() {
        server = GrpcServiceServer.builder().service(flaky).start(GrpcTestConfig.with(Map.of()), List.of());
        storeServer = GrpcServiceServer.builder().service(store).start(GrpcTestConfig.with(Map.of()), List.of());
        channel = GrpcChannels.open(GrpcTestConfig.channel(server.grpcPort()), CacheReadRetry.serviceConfig());
        storeChannel = GrpcChannels.open(GrpcTestConfig.channel(storeServer.grpcPort()));
        directory = directory(Duration.ofSeconds(5), 20);
    }

    private GrpcUserDirectory directory(Duration hedgeAfter, int breakerVolume) {
        return new GrpcUserDirectory(storeChannel, DEADLINE, DEADLINE, channel, DEADLINE, DEADLINE, hedgeAfter,
                GrpcUserDirectory.cacheReadBreaker(Config.just(ConfigSources.create(Map.of(
                        "volume", String.valueOf(breakerVolume), "error-ratio", "60", "delay", "PT10S",
                        "success-threshold", "1")))));
    }

    @AfterEach
    void stop() {
        GrpcChannels.close(channel);
        GrpcChannels.close(storeChannel);
        server.close();
        storeServer.close();
    }

    @Test
    void givenOneUnavailableRead_thenTheRetryAnswers() {
        flaky.failuresLeft.set(1);

        assertThat(directory.get(ADA.getId()).username()).isEqualTo("ada");
        assertThat(flaky.reads.get()).isEqualTo(CacheReadRetry.MAX_ATTEMPTS);
    }

    @Test
    void givenTheCacheStaysUnavailable_thenTheStoreAnswersAfterTheLastAttempt() {
        flaky.failuresLeft.set(Integer.MAX_VALUE);

        assertThat(directory.get(ADA.getId()).displayName()).isEqualTo("Ada (from the store)");
        assertThat(flaky.reads.get()).isEqualTo(CacheReadRetry.MAX_ATTEMPTS);
        assertThat(store.reads.get()).isEqualTo(1);
    }

    @Test
    void givenTheCacheFailingEveryRead_thenRetriesStopWithinTheBudget() {
        flaky.failuresLeft.set(Integer.MAX_VALUE);
        int calls = 100;
        GrpcUserDirectory directory = directory(Duration.ofSeconds(5), 1000); // the budget alone: a breaker that stays closed

        for (int i = 0; i < calls; i++) {
            assertThat(directory.get(ADA.getId()).displayName()).isEqualTo("Ada (from the store)");
        }

        int retries = flaky.reads.get() - calls;
        assertThat(retries).as("retries of %d calls", calls).isPositive()
                .isLessThanOrEqualTo(CacheReadRetry.RETRY_TOKENS / 2 + 1);
    }

    @Test
    void givenOneReadInFiveFailing_thenRetriesStayUnderATenthOfTheCalls() {
        flaky.failEvery = 5;
        int calls = 300;

        for (int i = 0; i < calls; i++) {
            directory.get(ADA.getId());
        }

        int retries = flaky.reads.get() - calls;
        assertThat(retries).as("retries of %d calls", calls).isPositive().isLessThanOrEqualTo(calls / 10);
    }

    @Test
    void givenACacheThatDoesNotAnswer_thenTheStoreAnswersAfterTheHedgeDelay_notTheDeadline() {
        flaky.silent = true;
        GrpcUserDirectory directory = directory(Duration.ofMillis(200), 20);

        long start = System.nanoTime();
        assertThat(directory.get(ADA.getId()).displayName()).isEqualTo("Ada (from the store)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the cache's deadline is 5 s")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(flaky.reads.get()).isEqualTo(1);
    }

    @Test
    void givenASlowCacheAndAStoreThatIsDown_thenTheCachesLateAnswerCounts() {
        flaky.delayMillis = 600;
        store.unavailable = true;
        GrpcUserDirectory directory = directory(Duration.ofMillis(100), 20);

        assertThat(directory.get(ADA.getId()).displayName()).isEqualTo("Ada");
        assertThat(store.reads.get()).as("the store was asked too").isEqualTo(1);
    }

    @Test
    void givenACacheThatStoppedAnswering_thenTheBreakerSendsReadsToTheStoreWithoutWaiting() {
        flaky.silent = true;
        int volume = 5;
        GrpcUserDirectory directory = directory(Duration.ofMillis(200), volume);
        for (int i = 0; i < volume; i++) {
            directory.get(ADA.getId());
        }
        int readsBeforeOpen = flaky.reads.get();

        for (int i = 0; i < 20; i++) {
            assertThat(directory.get(ADA.getId()).displayName()).isEqualTo("Ada (from the store)");
        }

        assertThat(flaky.reads.get()).as("reads the cache-service was asked after the breaker opened")
                .isEqualTo(readsBeforeOpen);
        assertThat(store.reads.get()).isEqualTo(volume + 20);
    }

    @Test
    void givenTheCacheSayingNotFoundEveryTime_thenTheBreakerStaysClosed() {
        flaky.notFound = true;
        GrpcUserDirectory directory = directory(Duration.ofSeconds(5), 5);

        for (int i = 0; i < 20; i++) {
            catchThrowableOfType(GatewayException.class, () -> directory.get(ADA.getId()));
        }

        assertThat(flaky.reads.get()).isEqualTo(20);
        assertThat(store.reads.get()).isZero();
    }

    @Test
    void givenTheCacheRefusingAsOverloaded_thenTheReadIsRefusedAndNotMovedToTheStore() {
        flaky.overloaded = true;

        GatewayException error = catchThrowableOfType(GatewayException.class, () -> directory.get(ADA.getId()));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(flaky.reads.get()).as("RESOURCE_EXHAUSTED is not retried").isEqualTo(1);
        assertThat(store.reads.get()).isZero();
    }

    @Test
    void givenTheCacheAndTheStoreUnavailable_thenUnavailable() {
        flaky.failuresLeft.set(Integer.MAX_VALUE);
        store.unavailable = true;

        GatewayException error = catchThrowableOfType(GatewayException.class, () -> directory.get(ADA.getId()));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void givenTheCacheSaysNotFound_thenTheStoreIsNotAsked() {
        flaky.notFound = true;

        GatewayException error = catchThrowableOfType(GatewayException.class, () -> directory.get(ADA.getId()));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(store.reads.get()).isZero();
    }

    @Test
    void givenAnUnavailableWrite_thenItIsNotRetried() {
        flaky.failuresLeft.set(1);

        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> directory.updateDisplayName(ADA.getId(), "Ada Lovelace"));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(flaky.writes.get()).isEqualTo(1);
    }

    /** Answers UNAVAILABLE while failures are left, then the user. */
    private static final class FlakyCache extends UserCacheGrpc.UserCacheImplBase {
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean notFound;
        /** Reads are taken and never answered, as over a black-holed connection. */
        volatile boolean silent;
        /** Every read refused as the cache-service's admission limit refuses it. */
        volatile boolean overloaded;
        /** Every read answered this late. */
        volatile long delayMillis;
        /** When above 0, every failEvery-th read answers UNAVAILABLE. */
        volatile int failEvery;

        @Override
        public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
            int read = reads.incrementAndGet();
            if (silent) {
                return;
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (overloaded) {
                response.onError(Status.RESOURCE_EXHAUSTED.withDescription("overloaded; retry later").asRuntimeException());
                return;
            }
            if (failEvery > 0 && read % failEvery == 0) {
                response.onError(Status.UNAVAILABLE.withDescription("cache unavailable").asRuntimeException());
                return;
            }
            if (notFound) {
                response.onError(Status.NOT_FOUND.withDescription("no such user").asRuntimeException());
                return;
            }
            if (failuresLeft.getAndDecrement() > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("cache unavailable").asRuntimeException());
                return;
            }
            response.onNext(GetUserResponse.newBuilder().setUser(ADA).build());
            response.onCompleted();
        }

        @Override
        public void updateProfile(UpdateProfileRequest request, StreamObserver<UpdateProfileResponse> response) {
            writes.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("user store unavailable").asRuntimeException());
                return;
            }
            response.onNext(UpdateProfileResponse.newBuilder()
                    .setUser(ADA.toBuilder().setDisplayName(request.getDisplayName())).build());
            response.onCompleted();
        }
    }

    /** The store-service's read: the user, marked so a test sees who answered, or UNAVAILABLE. */
    private static final class CountingStore extends UserStoreGrpc.UserStoreImplBase {
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean unavailable;

        @Override
        public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
            reads.incrementAndGet();
            if (unavailable) {
                response.onError(Status.UNAVAILABLE.withDescription("user store unavailable").asRuntimeException());
                return;
            }
            response.onNext(GetUserResponse.newBuilder()
                    .setUser(ADA.toBuilder().setDisplayName("Ada (from the store)")).build());
            response.onCompleted();
        }
    }
}
