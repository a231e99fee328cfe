package dev.authgateway.gateway.graphql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResponseTypeTest {

    @Test
    void givenNoAccept_thenApplicationJsonForOlderClients() {
        assertThat(ResponseType.negotiate(List.of())).isEqualTo(ResponseType.JSON);
    }

    @Test
    void givenGraphqlResponseJsonAnywhere_thenItWins() {
        assertThat(ResponseType.negotiate(List.of("application/json, application/graphql-response+json;q=0.9")))
                .isEqualTo(ResponseType.GRAPHQL_RESPONSE);
    }

    @Test
    void givenOnlyJsonOrAWildcard_thenJson() {
        assertThat(ResponseType.negotiate(List.of("application/json"))).isEqualTo(ResponseType.JSON);
        assertThat(ResponseType.negotiate(List.of("*/*"))).isEqualTo(ResponseType.JSON);
        assertThat(ResponseType.negotiate(List.of("application/*;q=0.5"))).isEqualTo(ResponseType.JSON);
    }

    @Test
    void givenGraphqlResponseJsonBesideAWildcard_thenGraphqlResponse() {
        assertThat(ResponseType.negotiate(List.of("*/*", "application/graphql-response+json")))
                .isEqualTo(ResponseType.GRAPHQL_RESPONSE);
    }

    @Test
    void givenOnlyUnacceptableTypesOrQZero_then406() {
        HttpProblem html = catchThrowableOfType(HttpProblem.class, () -> ResponseType.negotiate(List.of("text/html")));
        HttpProblem refused = catchThrowableOfType(HttpProblem.class,
                () -> ResponseType.negotiate(List.of("application/json;q=0")));

        assertThat(html.status()).isEqualTo(406);
        assertThat(html.code()).isEqualTo(EdgeError.NOT_ACCEPTABLE);
        assertThat(refused.status()).isEqualTo(406);
    }
}
