package dev.authgateway.perf.jmh;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authgateway.cache.testing.TestRedis;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.RunningService;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Stage 3: the gateway's gRPC call to the cache-service over loopback, answered from Redis. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GrpcCacheCallBenchmark {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(2));

    private TestRedis redis;
    private RunningService store;
    private RunningService cache;
    private ManagedChannel channel;
    private UserCacheGrpc.UserCacheBlockingStub stub;
    private GetUserRequest request;

    @Setup
    public void setUp() {
        redis = TestRedis.create();
        store = InProcess.oneUserStore();
        cache = InProcess.cacheService(redis, store.grpcPort());
        channel = GrpcChannels.open(Config.just(ConfigSources.create(
                Map.of("port", String.valueOf(cache.grpcPort())))));
        stub = UserCacheGrpc.newBlockingStub(channel);
        request = GetUserRequest.newBuilder().setId(InProcess.ADA.getId()).build();
        getUser();
    }

    @TearDown
    public void tearDown() {
        GrpcChannels.close(channel);
        cache.close();
        store.close();
        redis.close();
    }

    @Benchmark
    public User getUser() {
        return DEADLINE.on(stub).getUser(request).getUser();
    }
}
