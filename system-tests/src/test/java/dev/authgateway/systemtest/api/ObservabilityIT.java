package dev.authgateway.systemtest.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.systemtest.harness.Eventually;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller's W3C trace context reaches every service's log, and each service exports request counts by code and
 * latency histograms at /observe/metrics, on its management port (for the gateway, not the API port).
 */
@ExtendWith(StackExtension.class)
class ObservabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration LOG_DELAY = Duration.ofSeconds(5);

    @Test
    void givenATraceparent_thenTheGatewayTheStoreAndTheCacheLogItsTraceId(Stack stack) throws Exception {
        String signupTrace = newTraceId();
        var signup = post(stack, SIGNUP, Operations.newSignup(), null, signupTrace);
        assertThat(signup.statusCode()).isEqualTo(200);
        assertThat(signup.headers().firstValue("X-Trace-Id")).contains(signupTrace);
        String token = JSON.readTree(signup.body()).path("data").path("signup").path("accessToken").asText();

        String profileTrace = newTraceId();
        var profile = post(stack, PROFILE, Map.of(), token, profileTrace);
        assertThat(profile.body()).contains("\"profile\"");

        Eventually.within(LOG_DELAY, "the gateway's signup audit line with the trace id", () ->
                stack.gatewayLog().lines().anyMatch(line -> line.contains("\"event\":\"signup\"")
                        && line.contains("\"traceId\":\"" + signupTrace + "\"")));
        Eventually.within(LOG_DELAY, "the store's CreateUser line with the trace id", () ->
                stack.storeLog().lines().anyMatch(line ->
                        line.contains("UserStore/CreateUser OK") && line.contains(signupTrace)));
        Eventually.within(LOG_DELAY, "the cache's GetUser line with the trace id", () ->
                stack.cacheLog().lines().anyMatch(line ->
                        line.contains("UserCache/GetUser OK") && line.contains(profileTrace)));
        Eventually.within(LOG_DELAY, "the store's GetUser line with the trace id", () ->
                stack.storeLog().lines().anyMatch(line ->
                        line.contains("UserStore/GetUser OK") && line.contains(profileTrace)));
    }

    @Test
    void givenNoTraceparent_thenTheGatewayStartsATraceThatReachesTheStore(Stack stack) throws Exception {
        var signup = post(stack, SIGNUP, Operations.newSignup(), null, null);
        String traceId = signup.headers().firstValue("X-Trace-Id").orElse("");
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        Eventually.within(LOG_DELAY, "the store's CreateUser line with the gateway's new trace id", () ->
                stack.storeLog().lines().anyMatch(line ->
                        line.contains("UserStore/CreateUser OK") && line.contains(traceId)));
    }

    @Test
    void givenCallsThatSucceedAndFail_thenEveryServiceCountsThemByCodeWithLatencyHistograms(Stack stack)
            throws Exception {
        stack.graphql().post(SIGNUP, Operations.newSignup());
        stack.graphql().post(PROFILE, Map.of(), "not-a-token");
        List<String> urls = stack.metricsUrls();

        String gateway = get(urls.get(0));
        assertThat(gateway).contains("graphql_errors_total{code=\"UNAUTHENTICATED\"")
                .contains("http_server_calls_total{code=\"200\",method=\"POST /graphql\"")
                .contains("http_server_call_duration_seconds_bucket{method=\"POST /graphql\"")
                .contains("grpc_client_calls_total{code=\"OK\",method=\"authgateway.user.v1.UserStore/CreateUser\"");
        String store = get(urls.get(1));
        assertThat(store).contains("grpc_server_calls_total{code=\"OK\",method=\"authgateway.user.v1.UserStore/CreateUser\"")
                .contains("grpc_server_call_duration_seconds_bucket{method=\"authgateway.user.v1.UserStore/CreateUser\"")
                .contains("db_pool_connections{scope=\"application\",state=\"active\"");
        String cache = get(urls.get(2));
        assertThat(cache).contains("cache_redis_breaker_open").contains("cache_hits_total");
    }

    @Test
    void givenTheGatewaysApiPort_thenObserveIsNotThereButOnTheManagementPort(Stack stack) throws Exception {
        for (String path : List.of("/observe/metrics", "/observe/health/ready", "/observe/health/live")) {
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(path).isEqualTo(404);
            assertThat(api.body()).as(path).contains("\"code\":\"NOT_FOUND\"");
        }
        assertThat(get(stack.metricsUrls().get(0))).contains("http_server_calls_total");
        assertThat(stack.metricsUrls().get(0)).doesNotStartWith(stack.gatewayUrl());
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return HexFormat.of().formatHex(bytes);
    }

    private static HttpResponse<String> post(Stack stack, String query, Map<String, ?> variables, String token,
                                             String traceId) throws Exception {
        HttpRequest.Builder request = stack.graphql().request("/graphql")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceId != null) {
            request.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
