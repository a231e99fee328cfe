package dev.authgateway.systemtest.resilience;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.authgateway.systemtest.harness.Eventually;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.testing.PostgresProcess;
import dev.authgateway.testing.TestDatabase;
import dev.authgateway.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL crashes and comes back: cached profile reads keep answering, writes fail fast with UNAVAILABLE and leave
 * nothing half-written, readiness (not liveness) reports the outage, and the store-service recovers by itself.
 */
class PostgresRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void givenPostgresCrashesAndReturns_thenReadsFromCacheContinueWritesFailCleanlyAndServiceRecovers()
            throws Exception {
        try (PostgresProcess postgres = PostgresProcess.start();
             Stack stack = Stack.start(TestRedis.create(), TestDatabase.createOn("127.0.0.1", postgres.port()))) {
            var ada = stack.graphql().post(SIGNUP, Operations.newSignup());
            String username = ada.data().path("signup").path("user").path("username").asText();
            String token = ada.data().path("signup").path("accessToken").asText();
            var first = stack.graphql().post(PROFILE, Map.of(), token);
            assertThat(first.errorCode()).as("signup: %s%nprofile: %s", ada.body(), first.body()).isEmpty();
            // The gateway hedges a read the cache-service is slow to answer (a cold one is) to the store, so the first
            // answer may be the store's while the cache-service is still loading the user into Redis.
            String userId = ada.data().path("signup").path("user").path("id").asText();
            Eventually.within(Duration.ofSeconds(10), "the profile is in the cache",
                    () -> stack.redisKeys().stream().anyMatch(key -> key.contains(userId)));
            String ready = stack.storeHealthUrls().get(0);
            String live = stack.storeHealthUrls().get(1);
            assertThat(status(ready)).isEqualTo(200);

            postgres.crash();

            var cached = stack.graphql().post(PROFILE, Map.of(), token);
            assertThat(cached.data().path("profile").path("username").asText()).as(cached.body()).isEqualTo(username);

            Map<String, Object> newcomer = Operations.newSignup();
            Instant before = Instant.now();
            var refused = stack.graphql().post(SIGNUP, newcomer);
            assertThat(refused.errorCode()).as(refused.body()).isEqualTo("UNAVAILABLE");
            assertThat(Duration.between(before, Instant.now())).as("a write fails fast").isLessThan(Duration.ofSeconds(5));
            assertThat(stack.graphql().post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD)).errorCode())
                    .isEqualTo("UNAVAILABLE");
            assertThat(status(ready)).isEqualTo(503);
            assertThat(status(live)).isEqualTo(200);

            postgres.resume();

            Eventually.within(Duration.ofSeconds(30), "store-service ready again", () -> status(ready) == 200);
            String newcomerName = usernameOf(newcomer);
            assertThat(stack.countUsers("lower(username) = lower(?)", newcomerName))
                    .as("the refused signup left no row").isZero();
            var retried = stack.graphql().post(SIGNUP, newcomer);
            assertThat(retried.errorCode()).as(retried.body()).isEmpty();
            assertThat(stack.countUsers("lower(username) = lower(?)", newcomerName)).isEqualTo(1);
            assertThat(stack.graphql().post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD))
                    .data().path("login").path("accessToken").asText()).isNotBlank();
        }
    }

    @SuppressWarnings("unchecked")
    private static String usernameOf(Map<String, Object> signupVariables) {
        return (String) ((Map<String, Object>) signupVariables.get("input")).get("username");
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
