package dev.authgateway.systemtest.api;

import java.net.InetSocketAddress;
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
 * Headless Chromium (tools/browser-check.mjs) against a gateway whose CORS allows one origin: the example client
 * on that origin signs up, logs in and reads the profile; on another origin the browser refuses the answers;
 * GraphiQL renders and runs a query. Screenshots land in target/screenshots (docs/frontends.md shows them).
 */
@ExtendWith(StackExtension.class)
class BrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    @Test
    void theExampleClientWorksAcrossTheAllowedOriginOnlyAndGraphiqlAnswers(Stack stack) throws Exception {
        Path client = RepoRoot.path().resolve("docs/examples/browser-client");
        HttpServer pages = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), client,
                SimpleFileServer.OutputLevel.NONE);
        pages.start();
        int pagePort = pages.getAddress().getPort();
        String allowedOrigin = "http://localhost:" + pagePort;
        try (ServiceProcess gateway = stack.startGatewayWith(Map.of(
                "app.cors.allowed-origins", allowedOrigin,
                "app.sessions.refresh-cookie.enabled", "true",  // as in the dev profile: the example sends credentials
                "app.graphiql.enabled", "true",
                "app.graphql.introspection", "true"))) {
            String username = "browser_" + UUID.randomUUID().toString().substring(0, 8);

            CommandRun run = CommandRun.of(List.of("node", RepoRoot.path().resolve("tools/browser-check.mjs").toString(),
                    "--allowed-page", allowedOrigin + "/index.html",
                    "--other-page", "http://127.0.0.1:" + pagePort + "/index.html",
                    "--gateway", gateway.baseUrl(),
                    "--username", username,
                    "--out", SCREENSHOTS.toString()), Duration.ofMinutes(3));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("allowed origin " + allowedOrigin + ": signup, login and profile answered")
                    .contains("the browser refused the gateway's answer")
                    .contains("GraphiQL: rendered from the gateway's jar and read the profile");
            for (String screenshot : List.of("browser-client.png", "graphiql.png")) {
                byte[] png = Files.readAllBytes(SCREENSHOTS.resolve(screenshot));
                assertThat(png).as(screenshot).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            }
        } finally {
            pages.stop(0);
        }
    }
}
