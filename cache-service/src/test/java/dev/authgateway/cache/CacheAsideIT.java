package dev.authgateway.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.authgateway.proto.user.v1.GetUserRequest;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestRedis;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.helidon.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Cache-aside over real Redis and a real gRPC socket to a counting store. */
class CacheAsideIT {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(15));
    private static final Duration TTL = Duration.ofMinutes(10);

    private TestRedis redis;
    private FakeUserStore store;
    private RunningService storeServer;
    private RunningService cache;
    private ManagedChannel channel;
    private UserCacheGrpc.UserCacheBlockingStub users;

    @BeforeEach
    void start() {
        redis = TestRedis.create();
        store = new FakeUserStore();
        storeServer = GrpcServiceServer.builder().service(store).start(ports(Map.of()), List.of());
        cache = startCache(redis.config(), storeServer.grpcPort());
        channel = channelTo(cache);
        users = UserCacheGrpc.newBlockingStub(channel);
    }

    @AfterEach
    void stop() {
        store.release();
        GrpcChannels.close(channel);
        cache.close();
        storeServer.close();
        redis.close();
    }

    @Test
    void givenAColdUser_whenReadTwice_thenTheStoreIsCalledOnceAndRedisHoldsItsProtobufBytes() throws Exception {
        User ada = user("Ada");

        assertThat(read(ada.getId())).isEqualTo(ada);
        assertThat(read(ada.getId())).isEqualTo(ada);

        assertThat(store.calls(ada.getId())).isEqualTo(1);
        assertThat(User.parseFrom(redis.get(valueKey(ada.getId())))).isEqualTo(ada);
    }

    @Test
    void givenACachedUser_thenItsTtlIsTheConfiguredOneWithinTheJitter() {
        User ada = user("Ada");
        read(ada.getId());

        long ttlMillis = redis.pttl(valueKey(ada.getId()));

        assertThat(ttlMillis).isBetween((long) (TTL.toMillis() * 0.9) - 5_000, (long) (TTL.toMillis() * 1.1));
    }

    @Test
    void givenAnUnknownId_whenReadTwice_thenNotFoundBothTimesAndOneStoreCall() {
        String unknown = UUID.randomUUID().toString();

        assertThat(readFailure(unknown).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(readFailure(unknown).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        assertThat(store.calls(unknown)).isEqualTo(1);
    }

    @Test
    void givenManyConcurrentMissesOfOneUser_thenOneStoreCallServesThemAll() throws Exception {
        User ada = user("Ada");
        store.hold();
        List<CompletableFuture<User>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> read(ada.getId()), readers));
            }
            awaitStoreCalls(1);
            Thread.sleep(300); // let the other readers queue behind the held load
            store.release();
            for (CompletableFuture<User> read : reads) {
                assertThat(read.get()).isEqualTo(ada);
            }
        }
        assertThat(store.calls(ada.getId())).isEqualTo(1);
    }

    @Test
    void givenACachedUser_whenUpdatedThroughTheCache_thenTheStoreIsWrittenAndTheNextReadSeesTheChange() {
        User ada = user("Ada");
        read(ada.getId());
        User renamed = ada.toBuilder().setDisplayName("Ada Lovelace").setVersion(2).build();

        assertThat(update(ada.getId(), "Ada Lovelace")).isEqualTo(renamed);

        assertThat(store.get(ada.getId())).isEqualTo(renamed);
        assertThat(read(ada.getId())).isEqualTo(renamed);
        assertThat(store.calls(ada.getId())).isEqualTo(2);
    }

    @Test
    void givenTheStoreRefusesAnUpdate_thenItsStatusAndBadRequestPassThroughAndTheCacheIsKept() throws Exception {
        User ada = user("Ada");
        read(ada.getId());

        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> update(ada.getId(), ""));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(error.getStatus().getDescription()).isEqualTo("displayName must not be empty");
        assertThat(StatusProto.fromThrowable(error).getDetails(0).unpack(BadRequest.class).getFieldViolations(0)
                .getField()).isEqualTo("displayName");
        assertThat(read(ada.getId())).isEqualTo(ada);
        assertThat(store.calls(ada.getId())).as("still a cache hit").isEqualTo(1);
    }

    @Test
    void givenAnUnknownUser_whenUpdated_thenTheStoresNotFound() {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> update(UUID.randomUUID().toString(), "Nobody"));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenRedisUnreachable_whenUpdated_thenSavedButUnavailableWithCacheNotInvalidated() throws Exception {
        User ada = user("Ada");
        Map<String, String> deadRedis = Map.of("app.redis.address", "redis://127.0.0.1:" + closedPort(),
                "app.redis.key-prefix", redis.keyPrefix());
        try (RunningService degraded = startCache(deadRedis, storeServer.grpcPort());
             var closer = new ChannelCloser(channelTo(degraded))) {
            var stub = UserCacheGrpc.newBlockingStub(closer.channel());
            StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                    () -> DEADLINE.on(stub).updateProfile(UpdateProfileRequest.newBuilder()
                            .setId(ada.getId()).setDisplayName("Ada Lovelace").build()));

            assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(error.getStatus().getDescription()).startsWith("profile saved");
            ErrorInfo info = StatusProto.fromThrowable(error).getDetails(0).unpack(ErrorInfo.class);
            assertThat(info.getReason()).isEqualTo("CACHE_NOT_INVALIDATED");
            assertThat(store.get(ada.getId()).getDisplayName()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void givenALoadUnderWayDuringAnInvalidation_thenItsStaleValueIsNeverCached() throws Exception {
        User ada = user("Ada");
        store.hold();
        CompletableFuture<User> slowRead = CompletableFuture.supplyAsync(() -> read(ada.getId()),
                Executors.newVirtualThreadPerTaskExecutor());
        awaitStoreCalls(1);

        User renamed = update(ada.getId(), "Ada Lovelace");
        store.release();

        assertThat(slowRead.get()).as("the read began before the write").isEqualTo(ada);
        assertThat(read(ada.getId())).isEqualTo(renamed);
        assertThat(read(ada.getId())).isEqualTo(renamed);
        assertThat(store.calls(ada.getId())).isEqualTo(2);
    }

    @Test
    void givenAnIdThatIsNotAUuid_thenInvalidArgumentAndNothingInRedis() {
        assertThat(readFailure("../etc/passwd").getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(redis.keysMatching(redis.keyPrefix() + "user:*")).isEmpty();
    }

    @Test
    void givenTheStoreDown_thenAMissIsUnavailable() throws Exception {
        try (RunningService orphan = startCache(redis.config(), closedPort());
             var closer = new ChannelCloser(channelTo(orphan))) {
            StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                    () -> DEADLINE.on(UserCacheGrpc.newBlockingStub(closer.channel()))
                            .getUser(GetUserRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));

            assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(error.getStatus().getDescription()).isEqualTo("user store unavailable");
        }
    }

    @Test
    void givenAMissOutlivingTheCallersDeadline_thenDeadlineExceededAndTheStoreCallIsCancelledWithIt() throws Exception {
        User ada = user("Ada");
        store.hold();

        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class,
                () -> users.withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                        .getUser(GetUserRequest.newBuilder().setId(ada.getId()).build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        // The store's own deadline here is 12 s: only the caller's, carried to the load's thread, ends it sooner.
        assertThat(store.awaitCallCancelled(Duration.ofSeconds(5))).as("the store call had the caller's deadline")
                .isTrue();
        store.release();
        assertThat(read(ada.getId())).isEqualTo(ada);
    }

    @Test
    void givenACachedUser_whenReadManyTimesAtOnce_thenEveryReadIsAHit() throws Exception {
        User ada = user("Ada");
        read(ada.getId());
        List<CompletableFuture<User>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 64; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> read(ada.getId()), readers));
            }
            for (CompletableFuture<User> read : reads) {
                assertThat(read.get()).isEqualTo(ada);
            }
        }
        assertThat(store.calls(ada.getId())).isEqualTo(1);
    }

    /** Helidon's gRPC server runs the same handler, whose answer now arrives on Redisson's thread after it returned. */
    @Test
    void givenHelidonsGrpcServer_thenAMissAndAHitAreAnsweredToo() throws Exception {
        User ada = user("Ada");
        Map<String, String> config = new HashMap<>(redis.config());
        config.put("grpc.implementation", "helidon");
        try (RunningService helidon = startCache(config, storeServer.grpcPort());
             var closer = new ChannelCloser(channelTo(helidon))) {
            var stub = UserCacheGrpc.newBlockingStub(closer.channel());
            GetUserRequest request = GetUserRequest.newBuilder().setId(ada.getId()).build();

            assertThat(DEADLINE.on(stub).getUser(request).getUser()).as("miss").isEqualTo(ada);
            assertThat(DEADLINE.on(stub).getUser(request).getUser()).as("hit").isEqualTo(ada);
            assertThat(store.calls(ada.getId())).isEqualTo(1);
        }
    }

    @Test
    void givenRedisUnreachable_thenReadsAreServedFromTheStore() throws Exception {
        User ada = user("Ada");
        Map<String, String> deadRedis = Map.of("app.redis.address", "redis://127.0.0.1:" + closedPort(),
                "app.redis.key-prefix", redis.keyPrefix());
        try (RunningService degraded = startCache(deadRedis, storeServer.grpcPort());
             var closer = new ChannelCloser(channelTo(degraded))) {
            var stub = UserCacheGrpc.newBlockingStub(closer.channel());

            assertThat(DEADLINE.on(stub).getUser(GetUserRequest.newBuilder().setId(ada.getId()).build()).getUser())
                    .isEqualTo(ada);
            assertThat(store.calls(ada.getId())).isEqualTo(1);
        }
    }

    private User user(String name) {
        User user = User.newBuilder().setId(UUID.randomUUID().toString()).setUsername(name.toLowerCase())
                .setEmail(name.toLowerCase() + "@example.com").setDisplayName(name).setVersion(1).build();
        store.put(user);
        return user;
    }

    private User read(String id) {
        return DEADLINE.on(users).getUser(GetUserRequest.newBuilder().setId(id).build()).getUser();
    }

    private User update(String id, String displayName) {
        return DEADLINE.on(users).updateProfile(UpdateProfileRequest.newBuilder()
                .setId(id).setDisplayName(displayName).build()).getUser();
    }

    private StatusRuntimeException readFailure(String id) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> read(id));
        assertThat(error).as("expected a gRPC error").isNotNull();
        return error;
    }

    private String valueKey(String id) {
        return redis.keyPrefix() + "user:{" + id + "}";
    }

    private void awaitStoreCalls(int expected) throws InterruptedException {
        for (int i = 0; i < 500 && store.callsStarted() < expected; i++) {
            Thread.sleep(10);
        }
        assertThat(store.callsStarted()).isEqualTo(expected);
    }

    private static RunningService startCache(Map<String, String> redisConfig, int storePort) {
        Map<String, String> config = new HashMap<>(redisConfig);
        config.put("app.store.port", String.valueOf(storePort));
        config.put("app.store.deadline", "PT12S");
        config.put("app.cache.ttl", TTL.toString());
        config.put("app.cache.ttl-jitter", "0.1");
        config.put("app.cache.negative-ttl", "PT30S");
        return Main.start(ports(config));
    }

    private static Config ports(Map<String, String> config) {
        return ApplicationYaml.with(FreePort.pickedOnBind(config));
    }

    private static ManagedChannel channelTo(RunningService service) {
        return GrpcChannels.open(ApplicationYaml.with(
                Map.of("app.store.port", String.valueOf(service.grpcPort()))).get("app.store"));
    }

    private static int closedPort() {
        return FreePort.next();
    }

    private record ChannelCloser(ManagedChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            GrpcChannels.close(channel);
        }
    }
}
