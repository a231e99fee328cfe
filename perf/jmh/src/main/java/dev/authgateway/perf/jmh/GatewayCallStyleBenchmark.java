package dev.authgateway.perf.jmh;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authgateway.gateway.grpcclient.CacheReadRetry;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.grpc.GrpcFutures;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.TestRedis;
import io.grpc.ManagedChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The gateway's cache-hit gRPC call (GetUser at an in-process cache-service over Redis, the gateway's channel with
 * its retry policy) made the two ways the profile fetcher could make it: the blocking stub (today's; grpc-java runs
 * the call's callbacks on the waiting thread) or the future stub adapted to the CompletableFuture a graphql-java
 * fetcher would return, joined by the request's thread as graphql-java's synchronous execute does. Each iteration
 * prints the JVM's CPU time per call (client and cache-service both live in it; Redis does not).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GatewayCallStyleBenchmark {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(2));

    private TestRedis redis;
    private RunningService store;
    private RunningService cache;
    private ManagedChannel channel;
    private UserCacheGrpc.UserCacheBlockingStub blocking;
    private UserCacheGrpc.UserCacheFutureStub future;
    private GetUserRequest request;
    private final CpuPerCall cpu = new CpuPerCall();

    @Setup
    public void setUp() {
        redis = TestRedis.create();
        store = InProcess.oneUserStore();
        cache = InProcess.cacheService(redis, store.grpcPort());
        channel = GrpcChannels.open(InProcess.config("graphql-gateway", Map.of(
                "app.cache.port", String.valueOf(cache.grpcPort()))).get("app.cache"), CacheReadRetry.serviceConfig());
        blocking = UserCacheGrpc.newBlockingStub(channel);
        future = UserCacheGrpc.newFutureStub(channel);
        request = GetUserRequest.newBuilder().setId(InProcess.ADA.getId()).build();
        for (int warm = 0; warm < 3; warm++) {
            DEADLINE.on(UserCacheGrpc.newBlockingStub(channel).withWaitForReady()).getUser(request);
        }
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void printCpuPerCall() {
        cpu.print();
    }

    @TearDown
    public void tearDown() {
        GrpcChannels.close(channel);
        cache.close();
        store.close();
        redis.close();
    }

    @Benchmark
    public User blockingStub() {
        cpu.count("blocking");
        return DEADLINE.on(blocking).getUser(request).getUser();
    }

    @Benchmark
    public User futureStubJoined() {
        cpu.count("future");
        return GrpcFutures.completable(DEADLINE.on(future).getUser(request)).join().getUser();
    }

    @Benchmark
    @Threads(8)
    public User blockingStubEightCallers() {
        return blockingStub();
    }

    @Benchmark
    @Threads(8)
    public User futureStubJoinedEightCallers() {
        return futureStubJoined();
    }
}
