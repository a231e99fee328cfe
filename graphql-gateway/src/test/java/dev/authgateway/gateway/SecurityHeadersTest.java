package dev.authgateway.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.authgateway.gateway.jwt.JwksEndpoint;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.http.HttpServers;
import dev.authgateway.support.testing.RawHttp;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter and direct handlers on a real listener, with the gateway's error handler and JWKS endpoint. */
class SecurityHeadersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebServer server;
    private static WebServer tlsClaimingServer;

    @BeforeAll
    static void start() {
        server = start(false);
        tlsClaimingServer = start(true);
    }

    private static WebServer start(boolean tls) {
        return WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .directHandlers(SecurityHeaders.directHandlers(tls, HttpServers.typedErrorAnswers()))
                .routing(routing -> routing.addFilter(new SecurityHeaders())
                        .get("/graphql", (request, response) -> response.send("{\"data\":{}}"))
                        .get("/graphql/fails", (request, response) -> {
                            throw new IllegalStateException("a defect");
                        })
                        .register("/.well-known", new JwksEndpoint(JwtSettings.from(ApplicationYaml.alone().get("app.jwt"))))
                        .error(Throwable.class, new InternalErrors()))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        tlsClaimingServer.stop();
    }

    @Test
    void givenAGraphqlAnswer_thenNosniffNoReferrerNoStoreAndNoHstsOnPlainHttp() throws Exception {
        HttpResponse<String> response = get(server, "/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void givenAFailureAnsweredByTheErrorHandler_thenTheHeadersSurviveIt() throws Exception {
        HttpResponse<String> response = get(server, "/graphql/fails");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"INTERNAL\"").doesNotContain("a defect");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void givenAPathNoRouteServes_then404WithNosniffButNotNoStore() throws Exception {
        HttpResponse<String> response = get(server, "/favicon.ico");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    void givenTheJwks_thenItKeepsItsPublicCaching() throws Exception {
        HttpResponse<String> response = get(server, "/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Cache-Control")).containsExactly("public, max-age=300");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void givenARequestRefusedBeforeRouting_thenItsAnswerHasTheHeaders() throws IOException {
        RawHttp.Response plain = refusedBeforeRouting(server);
        RawHttp.Response overTls = refusedBeforeRouting(tlsClaimingServer);

        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer").doesNotContainKey("strict-transport-security");
        assertThat(overTls.headers()).containsEntry("strict-transport-security", "max-age=31536000");
    }

    private static HttpResponse<String> get(WebServer target, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a malformed header line, which Helidon refuses before any route runs. */
    private static RawHttp.Response refusedBeforeRouting(WebServer target) throws IOException {
        try (RawHttp http = RawHttp.connect(target.port(), 5_000)) {
            return http.send("GET /graphql HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n").read(true);
        }
    }
}
