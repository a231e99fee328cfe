package dev.authgateway.systemtest.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third-party GraphQL-over-HTTP audit (graphql-http's {@code auditServer}, through
 * tools/graphql-http-audit.mjs) against the stack's gateway: a change of media types or status codes that a
 * spec-following client would notice fails here, named by the audit's id.
 *
 * <p>Four of graphql-http's audits send their variables to {@code __type(name: $name)}, an introspection field: with
 * introspection off (production's default) they are answered INTROSPECTION_DISABLED, which the audit reads as
 * "variables refused". So every audit must pass with introspection on (as {@code ops/stack up} runs), and with the
 * shipped configuration exactly those four, and nothing else, may miss.
 */
@ExtendWith(StackExtension.class)
class GraphQlHttpAuditIT {

    private static final Path TOOLS = RepoRoot.path().resolve("tools");
    private static final Pattern MISSED = Pattern.compile("(?m)^(?:error|warn|notice) +(\\w{4}) ");
    private static final List<String> INTROSPECTION_AUDITS = List.of("2EA1", "28B9", "D6D5", "6A70");

    @Test
    void givenIntrospectionOn_thenEveryMustShouldAndMayOfTheAuditPasses(Stack stack) throws Exception {
        try (ServiceProcess gateway = stack.startGatewayWith(Map.of("app.graphql.introspection", "true"))) {
            CommandRun run = audit(gateway.baseUrl());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).as(run.output())
                    .contains("graphql-http audit: MUST 13/13, SHOULD/MAY 48/48 against ")
                    .doesNotContainPattern(MISSED.pattern());
        }
    }

    @Test
    void givenTheShippedConfiguration_thenOnlyTheAuditsThatIntrospectMiss(Stack stack) throws Exception {
        CommandRun run = audit(stack.gatewayUrl());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(MISSED.matcher(run.output()).results().map(missed -> missed.group(1)))
                .as(run.output()).containsExactlyInAnyOrderElementsOf(INTROSPECTION_AUDITS);
        assertThat(run.output()).contains("graphql-http audit: MUST 12/13, SHOULD/MAY 45/48 against ");
    }

    private static CommandRun audit(String gatewayUrl) throws Exception {
        assertThat(TOOLS.resolve("node_modules/graphql-http")).as("graphql-http in tools/ (ops/stack test runs npm ci "
                + "there)").isDirectory();
        return CommandRun.of(List.of("node", TOOLS.resolve("graphql-http-audit.mjs").toString(),
                gatewayUrl + "/graphql"), Duration.ofMinutes(2));
    }
}
