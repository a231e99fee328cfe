package dev.authgateway.cache.grpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.authgateway.cache.domain.CacheAside;
import dev.authgateway.cache.domain.CacheEvents;
import dev.authgateway.cache.domain.CacheStore;
import dev.authgateway.cache.domain.CoherentWrites;
import dev.authgateway.cache.domain.Lookup;
import dev.authgateway.cache.domain.TtlPolicy;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.User;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** getUser answers from a future: once, and not after the call was cancelled. */
class UserCacheGrpcServiceTest {

    private static final User ADA = User.newBuilder().setId("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60")
            .setUsername("ada").build();

    private final CompletableFuture<Lookup<User>> redis = new CompletableFuture<>();
    private final CacheAside<User> users = new CacheAside<>(new PendingCache(redis),
            id -> Optional.empty(), new TtlPolicy(Duration.ofMinutes(1), 0.1, Duration.ofSeconds(5)),
            CacheEvents.NONE);
    private final UserCacheGrpcService service = new UserCacheGrpcService(users,
            new CoherentWrites<>((id, name) -> ADA, users), Runnable::run);
    private final RecordingObserver observer = new RecordingObserver();

    @Test
    void givenAHitArrivingAfterTheHandlerReturned_thenTheUserIsSentAndTheCallCompletedOnce() {
        service.getUser(GetUserRequest.newBuilder().setId(ADA.getId()).build(), observer);
        assertThat(observer.events).as("nothing before Redis answers").isEmpty();

        redis.complete(new Lookup.Hit<>(ADA));

        assertThat(observer.events).containsExactly("next " + ADA.getUsername(), "completed");
    }

    @Test
    void givenTheCallCancelledBeforeRedisAnswers_thenNothingIsSent() {
        service.getUser(GetUserRequest.newBuilder().setId(ADA.getId()).build(), observer);

        observer.cancel();
        redis.complete(new Lookup.Hit<>(ADA));

        assertThat(observer.events).isEmpty();
    }

    @Test
    void givenRedisFailingAfterCancellation_thenNoErrorIsSentEither() {
        service.getUser(GetUserRequest.newBuilder().setId(ADA.getId()).build(), observer);

        observer.cancel();
        redis.completeExceptionally(new IllegalStateException("boom"));

        assertThat(observer.events).isEmpty();
    }

    @Test
    void givenAnIdThatIsNotAUuid_thenInvalidArgumentWithoutAskingRedis() {
        service.getUser(GetUserRequest.newBuilder().setId("nope").build(), observer);

        assertThat(observer.events).containsExactly("error " + Status.Code.INVALID_ARGUMENT);
        assertThat(redis).isNotDone();
    }

    private record PendingCache(CompletableFuture<Lookup<User>> next) implements CacheStore<User> {
        @Override
        public Optional<CompletionStage<Lookup<User>>> lookupWithoutBlocking(String id) {
            return Optional.of(next);
        }

        @Override
        public Lookup<User> lookup(String id) {
            throw new AssertionError("the hit path must not block");
        }

        @Override
        public boolean storeUnlessInvalidated(String id, Optional<User> value, long generation, Duration ttl) {
            return true;
        }

        @Override
        public void invalidate(String id) {
        }
    }

    /** What grpc-java's observer would send, and its cancellation handler to fire as grpc-java does. */
    private static final class RecordingObserver extends ServerCallStreamObserver<GetUserResponse> {
        final List<String> events = new ArrayList<>();
        private Runnable onCancel;
        private boolean cancelled;

        void cancel() {
            cancelled = true;
            onCancel.run();
        }

        @Override
        public void onNext(GetUserResponse value) {
            events.add("next " + value.getUser().getUsername());
        }

        @Override
        public void onError(Throwable t) {
            events.add("error " + Status.fromThrowable(t).getCode());
        }

        @Override
        public void onCompleted() {
            events.add("completed");
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
            onCancel = onCancelHandler;
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }
    }
}
