package dev.authgateway.perf.jmh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.graphql.GraphQlEndpoint;
import dev.authgateway.support.http.HttpServers;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
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
 * The gateway's own share of a cache hit: HTTP POST of the profile query to the gateway's GraphQL endpoint on a real
 * Helidon listener (HttpServers), parsing, execution, the answer's JSON; the user and the token check are in memory
 * (GraphQlExecutionBenchmark's), so no gRPC, Redis or token verification is measured. One client thread in the same
 * JVM: allocation per operation includes the JDK client's share, the same before and after a change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GatewayEndpointBenchmark {

    private static final byte[] BARE_ANSWER = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    private WebServer server;
    private HttpClient http;
    private final CpuPerCall cpu = new CpuPerCall();
    private HttpRequest profile;
    private HttpRequest bare;

    @Setup
    public void setUp() {
        Config gateway = InProcess.config("graphql-gateway", Map.of());
        GraphQlExecutionBenchmark.TrustingTokens tokens = new GraphQlExecutionBenchmark.TrustingTokens();
        HttpRouting.Builder routing = HttpRouting.builder()
                .register("/graphql", GraphQlEndpoint.create(
                        new Accounts(new GraphQlExecutionBenchmark.InMemoryDirectory(), tokens), tokens,
                        gateway.get("app.graphql")))
                .get("/bare", (request, response) -> response.send(BARE_ANSWER));
        server = HttpServers.builder(gateway.get("server"), routing).build().start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        profile = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer user")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"" + GraphQlExecutionBenchmark.PROFILE + "\"}"))
                .build();
        bare = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/bare")).build();
        String answer = send(profile);
        if (!answer.contains("\"username\":\"ada\"")) {
            throw new IllegalStateException("profile failed: " + answer);
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
        server.stop();
    }

    /** The same listener and client answering a fixed body: what HTTP alone costs, beside the profile query. */
    @Benchmark
    public String bareHttp() {
        cpu.count("bareHttp");
        return send(bare);
    }

    @Benchmark
    public String profileQuery() {
        cpu.count("profileQuery");
        return send(profile);
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
