package dev.authgateway.systemtest.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Sends GraphQL over HTTP the way a frontend does, and raw requests the way an attacker might. */
public final class GraphQlClient {

    public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Supplier<String> baseUrl;

    public GraphQlClient(String baseUrl) {
        this(() -> baseUrl);
    }

    /** A client of a server whose address is known only once it has started. */
    public GraphQlClient(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Response post(String query, Map<String, ?> variables) {
        return post(query, variables, null);
    }

    public Response post(String query, Map<String, ?> variables, String bearerToken) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpRequest.Builder request = request("/graphql")
                    .header("Content-Type", "application/json")
                    .header("Accept", GRAPHQL_RESPONSE)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearerToken != null) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            return send(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(String query) {
        return send(request("/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .header("Accept", GRAPHQL_RESPONSE).GET().build());
    }

    public Response raw(HttpRequest.Builder request) {
        return send(request.build());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(10));
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Allow").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String allow, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public JsonNode data() {
            return json().path("data");
        }

        /** The code of the first error, or "" when there is none. */
        public String errorCode() {
            return json().path("errors").path(0).path("extensions").path("code").asText("");
        }

        public String errorField() {
            return json().path("errors").path(0).path("extensions").path("field").asText("");
        }

        public String errorMessage() {
            return json().path("errors").path(0).path("message").asText("");
        }
    }
}
