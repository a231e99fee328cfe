package dev.authgateway.systemtest.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * The client-compatibility suite (tools/clients/run.mjs): Apollo Client 4, urql and graphql-request from npm each run
 * the frontend journey and its error cases against the gateway and find the typed codes where their users look.
 * The suite locks accounts and fails logins on purpose, so it runs on a gateway with attempt counters of its own,
 * twice, as a developer rerunning it against one stack would. The same journey and clients also run in headless
 * Chromium (tools/clients/browser.mjs) from a page on another origin, through the gateway's CORS.
 */
@ExtendWith(StackExtension.class)
class ClientJourneysIT {

    private static final List<String> CLIENTS = List.of("apollo-client", "urql", "graphql-request");

    @Test
    void givenEachRealClient_thenItCompletesTheJourneyAndSurfacesEveryTypedCodeAgainAndAgain(Stack stack)
            throws Exception {
        try (ServiceProcess gateway = stack.startGatewayWithOwnCounters("client-journeys")) {
            for (int run = 1; run <= 2; run++) {
                CommandRun journeys = CommandRun.of(List.of("node",
                        RepoRoot.path().resolve("tools/clients/run.mjs").toString(),
                        gateway.baseUrl() + "/graphql"), Duration.ofMinutes(2));

                assertThat(journeys.exitCode()).as("run " + run + ":\n" + journeys.output()).isZero();
                for (String client : CLIENTS) {
                    assertThat(journeys.output()).as("run " + run)
                            .contains(client + ": signup with a taken username: CONFLICT: ok")
                            .contains(client + ": login after 5 failures: RATE_LIMITED: ok")
                            .contains(client + ": journey completed (11 steps)");
                }
            }
        }
    }

    @Test
    void givenEachRealClientInChromium_thenItCompletesTheJourneyAcrossOriginsAndSurfacesEveryTypedCode(Stack stack)
            throws Exception {
        int pagePort = FreePort.next();
        try (ServiceProcess gateway = stack.startGatewayWithOwnCounters("browser-client-journeys", Map.of(
                "app.cors.allowed-origins", "http://localhost:" + pagePort,
                // The clients read the refresh token from the answer, as the Node run does.
                "app.sessions.refresh-cookie.enabled", "false"))) {
            CommandRun journeys = CommandRun.of(List.of("node",
                    RepoRoot.path().resolve("tools/clients/browser.mjs").toString(),
                    gateway.baseUrl() + "/graphql", "--page-port", String.valueOf(pagePort)), Duration.ofMinutes(3));

            assertThat(journeys.exitCode()).as(journeys.output()).isZero();
            for (String client : CLIENTS) {
                assertThat(journeys.output())
                        .contains("browser " + client + ": signup with a taken username: CONFLICT: ok")
                        .contains("browser " + client + ": login after 5 failures: RATE_LIMITED: ok")
                        .contains("browser " + client + ": journey completed (11 steps)");
            }
            assertThat(journeys.output()).contains("browser: all 3 clients completed the journey in Chromium from "
                    + "http://localhost:" + pagePort);
        }
    }
}
