package dev.authgateway.gateway.graphql;

import java.time.Duration;

import dev.authgateway.support.config.ApplicationYaml;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class OperationsTest {

    private static final ParserOptions OPTIONS = AnalysisLimits.from(ApplicationYaml.alone().get("app.graphql")).parserOptions(1000);

    @Test
    void givenDocuments_thenMutationsAreRecognisedByTheOperationThatWouldRun() {
        assertThat(isMutation("mutation { login(input: {login: \"a\", password: \"b\"}) { accessToken } }", null))
                .isTrue();
        assertThat(isMutation("{ profile { id } }", null)).isFalse();
        assertThat(isMutation("query Q { profile { id } } mutation M { x }", "M")).isTrue();
        assertThat(isMutation("query Q { profile { id } } mutation M { x }", "Q")).isFalse();
        assertThat(isMutation("{ not closed", null)).isFalse();
    }

    @Test
    void givenAMutationPastTheParsersLimits_thenNotReadAsOne_executionRefusesItWithItsOwnCode() {
        String longMutation = "mutation { logout " + "__typename ".repeat(20_000) + "}";

        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(1), () -> isMutation(longMutation, null))).isFalse();
        assertThat(isMutation("mutation " + HostileDocuments.nested("a", 300).substring(1), null)).isFalse();
    }

    private static boolean isMutation(String document, String operationName) {
        return Operations.isMutation(document, operationName, OPTIONS);
    }
}
