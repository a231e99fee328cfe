package dev.authgateway.systemtest.api;

import java.time.Duration;
import java.util.List;

import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client-compatibility suite (tools/clients/run.mjs): Apollo Client 4, urql and graphql-request from npm each run
 * the frontend journey and its error cases against the gateway and find the typed codes where their users look.
 * The suite locks accounts and fails logins on purpose, so it runs on a gateway with attempt counters of its own,
 * twice, as a developer rerunning it against one stack would.
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
}
