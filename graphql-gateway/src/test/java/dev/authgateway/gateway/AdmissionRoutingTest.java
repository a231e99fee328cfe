package dev.authgateway.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.AuditEvents;
import dev.authgateway.gateway.domain.SessionRevocations;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.gateway.jwt.SigningKey;
import dev.authgateway.support.config.ApplicationYaml;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admission control at the HTTP edge, with one permit for credential operations: a second signup while the first
 * waits on the store is refused at once with 503 OVERLOADED and Retry-After (the test would time out if it queued),
 * and a profile read, which has a limit of its own, is answered meanwhile.
 */
@ServerTest
@Timeout(20)
class AdmissionRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeDirectory DIRECTORY = new FakeDirectory();
    private static final String SIGNUP = "mutation { signup(input: {username: \"ada\", email: \"ada@example.org\", "
            + "password: \"correct horse battery\", displayName: \"Ada\"}) { accessToken } }";

    private final Http1Client client;

    AdmissionRoutingTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        FakeTokens tokens = new FakeTokens();
        Accounts accounts = new Accounts(DIRECTORY, tokens, new FakeAttemptLimits(), AuditEvents.NONE,
                SessionRevocations.NONE, Clock.systemUTC());
        SigningKey key = SigningKey.generate();
        JwtSettings jwt = new JwtSettings("authgateway", "authgateway-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30), 4096, key, List.of(key));
        Main.routing(routing, accounts, tokens, jwt, ApplicationYaml.with(Map.of(
                "app.graphql.admission.credentials.min-limit", "1",
                "app.graphql.admission.credentials.initial-limit", "1",
                "app.graphql.admission.credentials.max-limit", "1",
                "app.graphql.admission.retry-after", "PT3S")).get("app"));
    }

    @Test
    void givenTheCredentialPermitTaken_thenASecondSignupIsRefusedAtOnceAndAProfileReadStillAnswered()
            throws Exception {
        CountDownLatch release = DIRECTORY.holdCreates();
        int before = DIRECTORY.createsStarted();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Integer> first = callers.submit(() -> {
                try (Http1ClientResponse response = post(SIGNUP, null)) {
                    return response.status().code();
                }
            });
            while (DIRECTORY.createsStarted() == before) {
                Thread.sleep(10);
            }

            try (Http1ClientResponse second = post(SIGNUP, null)) {
                assertThat(second.status().code()).isEqualTo(503);
                assertThat(second.headers().first(HeaderNames.RETRY_AFTER)).contains("3");
                JsonNode error = JSON.readTree(second.entity().as(String.class)).path("errors").get(0);
                assertThat(error.path("extensions").path("code").asText()).isEqualTo("OVERLOADED");
                assertThat(error.path("extensions").path("retryAfterSeconds").asInt()).isEqualTo(3);
            }
            try (Http1ClientResponse profile = post("{ profile { username } }",
                    "Bearer token:" + FakeDirectory.ADA.id() + ":session-1")) {
                assertThat(profile.status().code()).isEqualTo(200);
                assertThat(profile.entity().as(String.class)).contains("\"username\":\"ada\"");
            }

            release.countDown();
            assertThat(first.get()).isEqualTo(200);
        }
        try (Http1ClientResponse third = post(SIGNUP, null)) {
            assertThat(third.status().code()).as("the permit came back").isEqualTo(200);
        }
    }

    private Http1ClientResponse post(String query, String authorization) throws Exception {
        var request = client.post("/graphql").header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.ACCEPT, "application/graphql-response+json");
        if (authorization != null) {
            request.header(HeaderNames.AUTHORIZATION, authorization);
        }
        return request.submit(JSON.writeValueAsString(Map.of("query", query)));
    }
}
