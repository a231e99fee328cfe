package dev.authgateway.gateway.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest {

    @Test
    void givenDocuments_thenMutationsAreRecognisedByTheOperationThatWouldRun() {
        assertThat(Operations.isMutation("mutation { login(input: {login: \"a\", password: \"b\"}) { accessToken } }", null))
                .isTrue();
        assertThat(Operations.isMutation("{ profile { id } }", null)).isFalse();
        assertThat(Operations.isMutation("query Q { profile { id } } mutation M { x }", "M")).isTrue();
        assertThat(Operations.isMutation("query Q { profile { id } } mutation M { x }", "Q")).isFalse();
        assertThat(Operations.isMutation("{ not closed", null)).isFalse();
    }
}
