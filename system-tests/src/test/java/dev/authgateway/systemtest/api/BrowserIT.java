package dev.authgateway.systemtest.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.RepoRoot;
import dev.authgateway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium (tools/browser-check.mjs) against a gateway whose CORS allows one origin: the example client
 * on that origin signs up, logs in and reads the profile; on another origin the browser refuses the answers;
 * GraphiQL renders and runs a query. Then the example's account flows (tools/browser-account-check.mjs): the
 * strength meter, a second factor, login with it, forgot password, and the mailed links, read from the stack's SMTP
 * server. Last the passkey, sessions and account-data views (tools/browser-account-lifecycle-check.mjs) with a
 * virtual authenticator, against a store replica whose app.passkeys.origins is the page's origin (as PasskeyBrowserIT).
 * Screenshots land in target/screenshots (docs/frontends.md shows them).
 */
@ExtendWith(StackExtension.class)
class BrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path CLIENT = RepoRoot.path().resolve("docs/examples/browser-client");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExampleClientWorksAcrossTheAllowedOriginOnlyAndGraphiqlAnswers(Stack stack) throws Exception {
        HttpServer pages = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), CLIENT,
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

    @Test
    void theExampleClientWalksEveryAccountFlowWithTheStrengthMeterSecondFactorAndMailedLinks(Stack stack)
            throws Exception {
        HttpServer pages = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), CLIENT,
                SimpleFileServer.OutputLevel.NONE);
        pages.start();
        HttpServer mail = serveMail(stack.mail());
        String allowedOrigin = "http://localhost:" + pages.getAddress().getPort();
        // Counters of its own: the flow's wrong codes and logins do not count against other tests' address.
        try (ServiceProcess gateway = stack.startGatewayWithOwnCounters("browser-account", Map.of(
                "app.cors.allowed-origins", allowedOrigin,
                "app.sessions.refresh-cookie.enabled", "true"))) {
            CommandRun run = CommandRun.of(List.of("node",
                    RepoRoot.path().resolve("tools/browser-account-check.mjs").toString(),
                    "--page", allowedOrigin + "/index.html",
                    // localhost for the page and the gateway: one site, as the refresh cookie wants.
                    "--gateway", gateway.baseUrl().replace("127.0.0.1", "localhost"),
                    "--mail", "http://127.0.0.1:" + mail.getAddress().getPort() + "/mail",
                    "--username", "flows_" + UUID.randomUUID().toString().substring(0, 8),
                    "--out", SCREENSHOTS.toString()), Duration.ofMinutes(4));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("the estimator was fetched on the first keystroke")
                    .contains("second factor: the QR code shown as an image, a code from the secret confirmed it")
                    .contains("login: MFA_REQUIRED, the challenge kept out of the page, a code signed in")
                    .contains("forgot password: the same neutral message")
                    .contains("verify-email: the mailed link verified the address")
                    .contains("reset-password: BAD_USER_INPUT for a weak password, then reset");
            assertThat(Files.readAllBytes(SCREENSHOTS.resolve("browser-account.png")))
                    .startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        } finally {
            pages.stop(0);
            mail.stop(0);
        }
    }

    @Test
    void theExampleClientRegistersAndSignsInWithAPasskeyListsSessionsExportsAndDeletesTheAccount(Stack stack)
            throws Exception {
        HttpServer pages = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), CLIENT,
                SimpleFileServer.OutputLevel.NONE);
        pages.start();
        HttpServer mail = serveMail(stack.mail());
        String pageOrigin = "http://localhost:" + pages.getAddress().getPort();
        // The relying party is the store: a replica of its own on the stack's database accepts the page's origin.
        int storeGrpcPort = FreePort.next();
        Map<String, String> storeConfig = new HashMap<>(stack.database().config());
        storeConfig.putAll(stack.mail().config());
        storeConfig.put("grpc.port", String.valueOf(storeGrpcPort));
        storeConfig.putAll(stack.grpc().certificates().server("grpc.tls", "store-service"));
        storeConfig.put("app.mail.sender.enabled", "false");  // the stack's store sends the outbox
        storeConfig.put("app.passkeys.origins", pageOrigin);
        String username = "life_" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess store = ServiceProcess.start("store-service", FreePort.next(), storeConfig);
             ServiceProcess gateway = stack.startGatewayWithOwnCounters("browser-lifecycle", Map.of(
                     "app.store.port", String.valueOf(storeGrpcPort),
                     "app.cors.allowed-origins", pageOrigin,
                     "app.sessions.refresh-cookie.enabled", "true"))) {
            CommandRun run = CommandRun.of(List.of("node",
                    RepoRoot.path().resolve("tools/browser-account-lifecycle-check.mjs").toString(),
                    "--page", pageOrigin + "/index.html",
                    "--gateway", gateway.baseUrl().replace("127.0.0.1", "localhost"),
                    "--mail", "http://127.0.0.1:" + mail.getAddress().getPort() + "/mail",
                    "--username", username,
                    "--out", SCREENSHOTS.toString()), Duration.ofMinutes(3));

            assertThat(run.exitCode()).as(run.output() + "\nstore:\n" + store.logTail()).isZero();
            assertThat(run.output())
                    .contains("passkeys: registered \"Chromium virtual authenticator\" (rpId localhost) and listed it")
                    .contains("passkey login: signed in without a login name; the passkey shows its last use")
                    .contains("one current (device as text)")
                    .contains("email change: the link mailed to the new address confirmed it")
                    .contains("export: the JSON holds the username")
                    .contains("delete: the account is gone; login answers INVALID_CREDENTIALS");
            assertThat(stack.countRows("users", "username = ?", username)).as("deleted").isZero();
        } finally {
            pages.stop(0);
            mail.stop(0);
        }
    }

    /** The stack's mail for the browser script: GET /mail?to=<address> answers [{subject, text}] received so far. */
    private static HttpServer serveMail(TestMail mail) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mail", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String to = URLDecoder.decode(query == null ? "" : query.replaceFirst("^to=", ""), StandardCharsets.UTF_8);
            byte[] body = JSON.writeValueAsBytes(mail.to(to).stream()
                    .map(message -> Map.of("subject", message.subject(), "text", message.text())).toList());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
