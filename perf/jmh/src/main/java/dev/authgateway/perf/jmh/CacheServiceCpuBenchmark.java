package dev.authgateway.perf.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.redis.RedisClients;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.TestRedis;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
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
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;

/**
 * The cache-service's side of a cache hit alone: gRPC in, Redis GET, gRPC out, over loopback sockets, 8 callers at
 * once. Client and server share this JVM, so each iteration prints the CPU time per call of the server's threads
 * (gRPC's Netty event loops, the virtual-thread carriers, Redisson's event loops) apart from the caller's (the JMH
 * threads and a client event loop of their own, {@value #CLIENT_THREADS}); the rest (JIT, JMH) is printed as other.
 * GC runs outside Java threads: {@code -prof gc}'s allocation per call covers it. Issue 13 compares the server figure
 * with redis-server's CPU per hit, printed beside it from Redis's {@code INFO cpu}: that Redis is shared (other
 * processes' commands count too), so it is an upper bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CacheServiceCpuBenchmark {

    private static final String CLIENT_THREADS = "bench-client";
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(2));
    private static final CallDeadline WARM_UP_DEADLINE = new CallDeadline(Duration.ofSeconds(30));
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private TestRedis redis;
    private RedissonClient redisInfo;
    private double redisCpuAtStart;
    private RunningService store;
    private RunningService cache;
    private NioEventLoopGroup clientLoop;
    private ManagedChannel channel;
    private UserCacheGrpc.UserCacheBlockingStub stub;
    private GetUserRequest request;
    private final LongAdder calls = new LongAdder();
    private Map<Long, Long> cpuAtStart;
    private long processCpuAtStart;

    @Setup
    public void setUp() {
        redis = TestRedis.create();
        store = InProcess.oneUserStore();
        cache = InProcess.cacheService(redis, store.grpcPort(), "grpc-java");
        clientLoop = new NioEventLoopGroup(1, new DefaultThreadFactory(CLIENT_THREADS, true));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", cache.grpcPort())
                .eventLoopGroup(clientLoop)
                .channelType(NioSocketChannel.class)
                .usePlaintext()
                .build();
        stub = UserCacheGrpc.newBlockingStub(channel);
        request = GetUserRequest.newBuilder().setId(InProcess.ADA.getId()).build();
        redisInfo = RedisClients.open(InProcess.config("cache-service",
                Map.of("app.redis.address", redis.address())).get("app.redis"));
        // A cold JVM on a loaded machine can take longer than the measured calls' deadline to load gRPC and Netty.
        for (int i = 0; i < 100; i++) {
            WARM_UP_DEADLINE.on(stub).getUser(request);
        }
    }

    @Setup(Level.Iteration)
    public void startCounting() {
        calls.reset();
        cpuAtStart = cpuByThread();
        processCpuAtStart = OS.getProcessCpuTime();
        redisCpuAtStart = redisCpuSeconds();
    }

    private double redisCpuSeconds() {
        Map<String, String> cpu = redisInfo.getRedisNodes(RedisNodes.SINGLE).getInstance().info(RedisNode.InfoSection.CPU);
        return Double.parseDouble(cpu.get("used_cpu_user")) + Double.parseDouble(cpu.get("used_cpu_sys"));
    }

    @TearDown(Level.Iteration)
    public void printCpuPerCall() {
        long count = calls.sum();
        long processCpu = OS.getProcessCpuTime() - processCpuAtStart;
        double redisCpu = redisCpuSeconds() - redisCpuAtStart;
        Map<Long, Long> now = cpuByThread();
        long server = 0;
        long client = 0;
        long other = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (thread == null) {
                continue;
            }
            long spent = now.get(thread.getThreadId()) - cpuAtStart.getOrDefault(thread.getThreadId(), 0L);
            switch (side(thread.getThreadName())) {
                case SERVER -> server += spent;
                case CLIENT -> client += spent;
                case OTHER -> other += spent;
            }
        }
        if (count > 0) {
            System.out.printf("  cache-service CPU per call: server threads %.1f µs, caller threads %.1f µs,"
                            + " other threads %.1f µs, whole JVM %.1f µs; redis-server %.1f µs (%d calls)%n",
                    server / 1000.0 / count, client / 1000.0 / count, other / 1000.0 / count,
                    processCpu / 1000.0 / count, redisCpu * 1e6 / count, count);
        }
    }

    private enum Side { SERVER, CLIENT, OTHER }

    private static Side side(String name) {
        if (name.contains("jmh-worker") || name.startsWith(CLIENT_THREADS)) {
            return Side.CLIENT;
        }
        if (name.startsWith("grpc-") || name.startsWith("ForkJoinPool") || name.startsWith("redisson")
                || name.startsWith("request-deadline") || name.startsWith("VirtualThread")) {
            return Side.SERVER;
        }
        return Side.OTHER;
    }

    private static Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long spent = THREADS.getThreadCpuTime(id);
            if (spent >= 0) {
                cpu.put(id, spent);
            }
        }
        return cpu;
    }

    @TearDown
    public void tearDown() {
        channel.shutdownNow();
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        redisInfo.shutdown();
        cache.close();
        store.close();
        redis.close();
    }

    @Benchmark
    @Threads(8)
    public User getUserHit() {
        calls.increment();
        return DEADLINE.on(stub).getUser(request).getUser();
    }
}
