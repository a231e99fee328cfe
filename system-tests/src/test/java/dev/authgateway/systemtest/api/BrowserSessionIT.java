package dev.authgateway.systemtest.api;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh token in the HttpOnly cookie, in headless Chromium (tools/browser-session-check.mjs): the example client
 * on an allowed origin of the gateway's site (localhost) logs in, refreshes and logs out through the cookie without a
 * script ever seeing it; pages of another site and of another origin try to spend it and are refused. Then the
 * Origin check itself, which a browser never lets a hostile page reach: the cookie without an allowed Origin.
 */
@ExtendWith(StackExtension.class)
class BrowserSessionIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    @Test
    void givenTheRefreshCookie_thenPageScriptsNeverHoldItAndOtherSitesCannotSpendIt(Stack stack) throws Exception {
        HttpServer client = serve(RepoRoot.path().resolve("docs/examples/browser-client"));
        HttpServer hostile = serve(RepoRoot.path().resolve("system-tests/src/test/resources/cross-site-page"));
        String allowedOrigin = "http://localhost:" + client.getAddress().getPort();
        int hostilePort = hostile.getAddress().getPort();
        try (ServiceProcess gateway = stack.startGatewayWith(Map.of(
                "app.cors.allowed-origins", allowedOrigin,
                "app.sessions.refresh-cookie.enabled", "true"))) {
            // localhost for the page and the gateway: one site, so the SameSite=Strict cookie is theirs.
            String gatewayUrl = gateway.baseUrl().replace("127.0.0.1", "localhost");

            CommandRun run = CommandRun.of(List.of("node",
                    RepoRoot.path().resolve("tools/browser-session-check.mjs").toString(),
                    "--page", allowedOrigin + "/index.html",
                    "--gateway", gatewayUrl,
                    "--cross-site-page", "http://127.0.0.1:" + hostilePort + "/index.html",
                    "--same-site-page", "http://localhost:" + hostilePort + "/index.html",
                    "--username", "cookie_" + UUID.randomUUID().toString().substring(0, 8),
                    "--out", SCREENSHOTS.toString()), Duration.ofMinutes(3));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("login: the body holds no refresh token")
                    .contains("refresh: the cookie was spent from the page's origin and rotated")
                    .contains("cross-site form post: refused")
                    .contains("credentialed JSON fetch from another origin: refused")
                    .contains("after the attempts the cookie is intact")
                    .contains("logout: the cookie is cleared");
            assertThat(Files.readAllBytes(SCREENSHOTS.resolve("browser-session.png")))
                    .startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

            for (String origin : new String[] {null, "null"}) {
                HttpRequest.Builder refresh = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "authgw_refresh=" + UUID.randomUUID())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"query\": \"mutation { refreshToken { accessToken } }\"}"));
                if (origin != null) {
                    refresh.header("Origin", origin);
                }
                HttpResponse<String> answer;
                try (HttpClient http = HttpClient.newHttpClient()) {
                    answer = http.send(refresh.build(), HttpResponse.BodyHandlers.ofString());
                }
                assertThat(answer.body()).as("Origin " + origin).contains("\"CSRF_ORIGIN_REFUSED\"");
                assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
            }
        } finally {
            client.stop(0);
            hostile.stop(0);
        }
    }

    private static HttpServer serve(Path directory) {
        HttpServer server = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), directory,
                SimpleFileServer.OutputLevel.NONE);
        server.start();
        return server;
    }
}
