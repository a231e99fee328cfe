package dev.authgateway.systemtest.mfa;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in headless Chromium with a virtual authenticator (tools/passkeys/browser.mjs): from a page on
 * http://localhost:<port>, signup, register a passkey, list it, logout, sign in with it without a login name, read
 * the profile, remove it, and be refused with it. The relying party is the store: it gets a replica of its own on the
 * stack's database whose app.passkeys.origins is exactly the page's origin, as production lists its own; the gateway
 * in front of it allows that origin (CORS) and counts attempts apart from the other tests.
 */
@ExtendWith(StackExtension.class)
class PasskeyBrowserIT {

    @Test
    void givenAVirtualAuthenticator_thenRegisterSignInWithoutALoginNameRemoveAndBeRefused(Stack stack)
            throws Exception {
        int pagePort = FreePort.next();
        String pageOrigin = "http://localhost:" + pagePort;
        int storeGrpcPort = FreePort.next();
        Map<String, String> storeConfig = new HashMap<>(stack.database().config());
        storeConfig.putAll(stack.mail().config());
        storeConfig.put("grpc.port", String.valueOf(storeGrpcPort));
        storeConfig.putAll(stack.grpc().certificates().server("grpc.tls", "store-service"));
        storeConfig.put("app.mail.sender.enabled", "false");  // the stack's store sends the outbox
        storeConfig.put("app.passkeys.origins", pageOrigin);
        String username = "pk_" + UUID.randomUUID().toString().substring(0, 8);

        try (ServiceProcess store = ServiceProcess.start("store-service", FreePort.next(), storeConfig);
             ServiceProcess gateway = stack.startGatewayWithOwnCounters("passkeys", Map.of(
                     "app.store.port", String.valueOf(storeGrpcPort),
                     "app.cors.allowed-origins", pageOrigin,
                     "app.sessions.refresh-cookie.enabled", "false"))) {
            CommandRun run = CommandRun.of(List.of("node",
                    RepoRoot.path().resolve("tools/passkeys/browser.mjs").toString(),
                    gateway.baseUrl() + "/graphql", username, "--page-port", String.valueOf(pagePort)),
                    Duration.ofMinutes(3));

            assertThat(run.exitCode()).as(run.output() + "\nstore:\n" + store.logTail()).isZero();
            assertThat(run.output())
                    .contains("browser passkeys: register a passkey (navigator.credentials.create): ok (rpId localhost")
                    .contains("browser passkeys: sign in with the passkey, no login name (discoverable credential): ok"
                            + " (a used request id is refused: UNAUTHENTICATED)")
                    .contains("browser passkeys: sign in with the removed passkey: INVALID_CREDENTIALS: ok"
                            + " (INVALID_CREDENTIALS)")
                    .contains("browser passkeys: journey completed (8 steps)")
                    .contains("browser: passkey journey completed in Chromium from " + pageOrigin);
            assertThat(stack.countRows("passkeys", "user_id = (SELECT id FROM users WHERE username = ?)", username))
                    .as("removed").isZero();
            assertThat(Files.readString(gateway.logFile())).contains("\"event\":\"passkey.registered\"",
                    "\"event\":\"passkey.login_succeeded\"", "\"event\":\"passkey.removed\"",
                    "\"event\":\"passkey.login_failed\"");
        }
    }
}
