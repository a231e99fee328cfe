package dev.authgateway.systemtest.transport;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;

import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsers on a configured origin may call the API; others get no preflight approval. */
@ExtendWith(StackExtension.class)
class CorsIT {

    @Test
    void givenAPreflightFromTheConfiguredOrigin_thenApproved(Stack stack) throws Exception {
        HttpResponse<String> preflight = preflight(stack, Stack.ALLOWED_ORIGIN);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(Stack.ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("content-type");
    }

    @Test
    void givenAPreflightFromAnotherOrigin_thenRefused(Stack stack) throws Exception {
        HttpResponse<String> preflight = preflight(stack, "https://evil.test");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void givenAnActualRequestFromTheConfiguredOrigin_thenTheAnswerCarriesTheAllowOrigin(Stack stack) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/graphql"))
                    .header("Origin", Stack.ALLOWED_ORIGIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(Stack.ALLOWED_ORIGIN);
        }
    }

    private static HttpResponse<String> preflight(Stack stack, String origin) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/graphql"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type,authorization")
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
