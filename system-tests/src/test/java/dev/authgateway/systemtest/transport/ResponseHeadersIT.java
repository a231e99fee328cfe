package dev.authgateway.systemtest.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.authgateway.support.testing.RawHttp;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the gateway, whatever its route or status, tells browsers not to sniff its type nor send a
 * referrer; every /graphql answer (tokens, personal data) must not be stored; the JWKS stays cacheable. Over plain
 * HTTP no HSTS (GatewayTlsIT checks it over TLS).
 */
@ExtendWith(StackExtension.class)
class ResponseHeadersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void givenEveryKindOfAnswer_thenNosniffAndNoReferrerAndNoHstsOverPlainHttp(Stack stack) throws Exception {
        for (HttpResponse<String> response : everyKindOfAnswer(stack)) {
            String what = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode();

            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
        }
    }

    @Test
    void givenEveryGraphqlAnswer_thenNoStore(Stack stack) throws Exception {
        List<HttpResponse<String>> graphql = everyKindOfAnswer(stack).stream()
                .filter(response -> response.request().uri().getPath().startsWith("/graphql")).toList();

        assertThat(graphql).extracting(HttpResponse::statusCode).contains(200, 400, 405, 406, 415);
        for (HttpResponse<String> response : graphql) {
            assertThat(response.headers().firstValue("Cache-Control"))
                    .as(response.request().method() + " " + response.request().uri() + " -> " + response.statusCode())
                    .hasValue("no-store");
        }
    }

    @Test
    void givenASignup_thenTheAnswerCarryingTheTokensIsNoStore(Stack stack) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                java.util.Map.of("query", Operations.SIGNUP, "variables", Operations.newSignup()));

        var response = send(stack, "POST", "/graphql", body, "application/json");

        assertThat(response.body()).contains("accessToken");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void givenTheJwks_thenItStaysPubliclyCacheable(Stack stack) throws Exception {
        var response = send(stack, "GET", "/.well-known/jwks.json", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    }

    @Test
    void givenARequestRefusedBeforeRouting_thenItsAnswerHasTheHeadersToo(Stack stack) throws Exception {
        try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 5_000)) {
            RawHttp.Response answer = http.send("GET /graphql HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n")
                    .read(true);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("referrer-policy", "no-referrer");
        }
    }

    private static List<HttpResponse<String>> everyKindOfAnswer(Stack stack) throws Exception {
        return List.of(
                send(stack, "POST", "/graphql", "{\"query\": \"{ __typename }\"}", "application/json"),
                send(stack, "POST", "/graphql", "{\"query\": \"{ profile { id } }\"}", "application/json"),
                send(stack, "POST", "/graphql", "{\"query\": ", "application/json"),
                send(stack, "POST", "/graphql", "{\"query\": \"{ __typename }\"}", "text/plain"),
                send(stack, "PUT", "/graphql", "{}", "application/json"),
                send(stack, "GET", "/graphql?query=%7B%20__typename%20%7D", null, null),
                sendAccepting(stack, "/graphql?query=%7B%20__typename%20%7D", "image/png"),
                send(stack, "GET", "/graphql/schema.graphql", null, null),
                send(stack, "GET", "/.well-known/jwks.json", null, null),
                send(stack, "GET", "/favicon.ico", null, null),
                send(stack, "GET", "/graphiql/", null, null));
    }

    private static HttpResponse<String> send(Stack stack, String method, String path, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendAccepting(Stack stack, String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
