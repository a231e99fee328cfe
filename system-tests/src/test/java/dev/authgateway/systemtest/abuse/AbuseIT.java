package dev.authgateway.systemtest.abuse;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents built to exhaust the gateway are refused, each with its own code, before any field runs. */
@ExtendWith(StackExtension.class)
class AbuseIT {

    @Test
    void givenADeepQuery_thenQueryTooDeep(Stack stack) {
        String deep = "{ a { b { c { d { e { f { g { h { i { j { k { l } } } } } } } } } } } }";

        assertRefused(stack, deep, "QUERY_TOO_DEEP");
    }

    @Test
    void givenIntrospectionOn_thenAnIdesQueryIsAnsweredButABadFaithOneIsRefused(Stack stack) throws Exception {
        try (ServiceProcess gateway = stack.startGatewayWith(Map.of("app.graphql.introspection", "true"))) {
            GraphQlClient client = new GraphQlClient(gateway.baseUrl());

            var ide = client.post(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY, Map.of());
            assertThat(ide.status()).as(ide.body()).isEqualTo(200);
            assertThat(ide.json().at("/data/__schema/queryType/name").asText()).isEqualTo("Query");

            var twice = client.post("{ __schema { types { name } } again: __schema { types { name } } }", Map.of());
            assertThat(twice.status()).as(twice.body()).isEqualTo(400);
            assertThat(twice.errorCode()).as(twice.body()).isEqualTo("QUERY_TOO_COMPLEX");
        }
    }

    @Test
    void givenAnAliasFlood_thenTooManyAliases(Stack stack) {
        StringBuilder flood = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            flood.append(" p").append(i).append(": profile { id }");
        }
        assertRefused(stack, flood.append(" }").toString(), "TOO_MANY_ALIASES");
    }

    @Test
    void givenAnExpensiveQuery_thenQueryTooComplex(Stack stack) {
        assertRefused(stack, "{ profile { " + "id ".repeat(300) + "} }", "QUERY_TOO_COMPLEX");
    }

    @Test
    void givenFragmentsThatEachSpreadTheNextTwice98LevelsDeep_thenQueryTooComplexWithinSeconds(Stack stack)
            throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String name = "Q" + UUID.randomUUID().toString().replace("-", ""); // a new document: no cache hit
            StringBuilder document = new StringBuilder("query ").append(name).append(" { ...F0 }");
            for (int level = 0; level < 98; level++) {
                document.append(" fragment F").append(level).append(" on Query { ...F").append(level + 1)
                        .append(" ...F").append(level + 1).append(" }");
            }
            document.append(" fragment F98 on Query { __typename }");
            String body = new ObjectMapper().writeValueAsString(
                    Map.of("query", document.toString(), "operationName", name));

            var response = stack.graphql().raw(stack.graphql().request("/graphql")
                    .timeout(Duration.ofSeconds(3)) // before: 2^98 spreads walked, no answer
                    .header("Content-Type", "application/json")
                    .header("Accept", GraphQlClient.GRAPHQL_RESPONSE)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.errorCode()).as(response.body()).isEqualTo("QUERY_TOO_COMPLEX");
            assertThat(response.json().has("data")).isFalse();
        }
    }

    @Test
    void givenTooManyTokens_thenTooManyTokens(Stack stack) {
        StringBuilder fragments = new StringBuilder("{ profile { id } }");
        for (int i = 0; i < 400; i++) {
            fragments.append(" fragment f").append(i).append(" on User { id }");
        }
        assertRefused(stack, fragments.toString(), "TOO_MANY_TOKENS");
    }

    @Test
    void givenIntrospectionWhileDisabled_thenRefused_butTypenameAnswers(Stack stack) {
        assertRefused(stack, "{ __schema { queryType { name } } }", "INTROSPECTION_DISABLED");

        var typename = stack.graphql().post("{ __typename }", Map.of());
        assertThat(typename.data().path("__typename").asText()).isEqualTo("Query");
    }

    @Test
    void givenABatchedArray_thenBatchingDisabled(Stack stack) {
        var response = stack.graphql().raw(stack.graphql().request("/graphql")
                .header("Content-Type", "application/json")
                .header("Accept", GraphQlClient.GRAPHQL_RESPONSE)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BATCHING_DISABLED");
    }

    @Test
    void givenAOneMegabyteDocument_then413(Stack stack) {
        var response = stack.graphql().raw(stack.graphql().request("/graphql")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"{ profile { " + "id ".repeat(350_000) + "} }\"}")));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    private static void assertRefused(Stack stack, String document, String code) {
        var response = stack.graphql().post(document, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).as(response.body()).isEqualTo(code);
        assertThat(response.json().has("data")).as("refused before execution").isFalse();
    }
}
