package dev.authgateway.perf.jmh;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.TestDatabase;
import dev.authgateway.testing.TestRedis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole hot path in one JVM: HTTP POST of the profile query to the gateway, token check, GraphQL, gRPC to the
 * cache-service, Redis GET, JSON back. Real PostgreSQL and Redis (TEST_PG_*, TEST_REDIS_ADDRESS), own database and
 * key prefix. One client thread: this is latency, not throughput (perf/run measures throughput).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WholePathBenchmark {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private TestDatabase database;
    private TestRedis redis;
    private RunningService store;
    private RunningService cache;
    private RunningService gateway;
    private HttpClient http;
    private final CpuPerCall cpu = new CpuPerCall();
    private HttpRequest profile;

    @Setup
    public void setUp() throws Exception {
        database = TestDatabase.create();
        redis = TestRedis.create();
        store = dev.authgateway.store.Main.start(InProcess.config("store-service", database.config()));
        cache = InProcess.cacheService(redis, store.grpcPort());
        Map<String, String> gatewayConfig = new HashMap<>();
        gatewayConfig.put("app.store.port", String.valueOf(store.grpcPort()));
        gatewayConfig.put("app.cache.port", String.valueOf(cache.grpcPort()));
        gatewayConfig.put("app.redis.address", redis.address());
        gatewayConfig.put("app.redis.key-prefix", redis.keyPrefix() + "gateway:");
        // The set-up's signup is a cold JVM's first Argon2id hash, which on a loaded machine outlasted the shipped
        // 4 s and 5 s; the profile query measured neither waits that long nor depends on either value.
        gatewayConfig.put("app.store.credential-deadline", "PT30S");
        gatewayConfig.put("app.graphql.timeout", "PT30S");
        gateway = dev.authgateway.gateway.Main.start(InProcess.config("graphql-gateway", gatewayConfig));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        URI graphql = URI.create("http://127.0.0.1:" + gateway.port() + "/graphql");
        String signup = "{\"query\":\"mutation { signup(input: {username: \\\"bench\\\", email: \\\"bench@example.com\\\", "
                + "password: \\\"benchmark password\\\", displayName: \\\"Bench\\\"}) { accessToken } }\"}";
        String answer = http.send(HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(signup)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = TOKEN.matcher(answer);
        if (!token.find()) {
            throw new IllegalStateException("signup failed: " + answer);
        }
        profile = HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token.group(1))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"" + GraphQlExecutionBenchmark.PROFILE + "\"}"))
                .build();
        if (!profileQuery().contains("\"username\":\"bench\"")) {
            throw new IllegalStateException("profile failed: " + profileQuery());
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
        http.close();
        gateway.close();
        cache.close();
        store.close();
        redis.close();
        database.close();
    }

    @Benchmark
    public String profileQuery() throws Exception {
        cpu.count("wholePath");
        return http.send(profile, HttpResponse.BodyHandlers.ofString()).body();
    }
}
