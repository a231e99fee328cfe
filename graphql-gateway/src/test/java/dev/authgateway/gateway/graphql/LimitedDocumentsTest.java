package dev.authgateway.gateway.graphql;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Named hostile documents through the gateway's whole pre-execution analysis, each refused with its own code. */
class LimitedDocumentsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(1); // before: 5 s at 24 levels, 2^74 times that at 98

    private final PreExecution gateway = PreExecution.defaults();

    @Test
    void givenFragmentsThatEachSpreadTheNextTwice24LevelsDeep_thenQueryTooComplexQuickly() {
        assertThat(refusal(HostileDocuments.doubling("Q24", 24, "__typename"), "Q24"))
                .containsExactly("QUERY_TOO_COMPLEX");
    }

    @Test
    void givenFragmentsThatEachSpreadTheNextTwice98LevelsDeep_thenQueryTooComplexQuickly() {
        assertThat(refusal(HostileDocuments.doubling("Q98", 98, "__typename"), "Q98"))
                .containsExactly("QUERY_TOO_COMPLEX");
    }

    @Test
    void givenTheDoublingEndingInAnUnknownFragment_thenStillRefusedForItsSelections() {
        assertThat(refusal(HostileDocuments.doubling(90, "...Nowhere"), null)).containsExactly("QUERY_TOO_COMPLEX");
    }

    @Test
    void givenTheDoublingUnderIntrospectionWhileItIsOn_thenQueryTooComplexBeforeGraphqlJavaExpandsIt() {
        String document = "query I { __schema { types { ...T0 } } } "
                + HostileDocuments.doublingFragments("T", "__Type", 60, "ofType { name } ofType { name }");

        assertThat(refusal(PreExecution.withIntrospection(), document, "I")).containsExactly("QUERY_TOO_COMPLEX");
    }

    @Test
    void givenAnIdesIntrospectionQueryWhileIntrospectionIsOn_thenAccepted() {
        assertThat(PreExecution.withIntrospection().codes(
                graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY, null)).isEmpty();
    }

    @Test
    void givenNestingAsDeepAsTheTokensAllow_thenQueryTooDeep() {
        assertThat(refusal(HostileDocuments.nested("a", 333), null)).containsExactly("QUERY_TOO_DEEP");
        assertThat(refusal(PreExecution.withIntrospection(),
                "{ __schema { types " + HostileDocuments.nested("ofType", 330).substring(1) + " }", null))
                .containsExactly("QUERY_TOO_DEEP");
    }

    @Test
    void givenMoreWhitespaceThanTheParserReads_thenTooManyTokens() {
        assertThat(refusal("{ __typename" + " ,".repeat(6_000) + " }", null)).containsExactly("TOO_MANY_TOKENS");
    }

    @Test
    void givenAFrontendsDocuments_thenAccepted() {
        assertThat(gateway.codes("""
                mutation SignUp($input: SignupInput!) { signup(input: $input) { ...Session } }
                fragment Session on AuthPayload { accessToken tokenType expiresIn refreshToken refreshExpiresIn
                  user { id username email displayName createdAt } }
                """, null)).containsOnly("GRAPHQL_VALIDATION_FAILED"); // only because $input is not supplied
        assertThat(gateway.codes("query Profile { profile { id username email displayName createdAt } }", null))
                .isEmpty();
    }

    @Test
    void givenSubscriptions_thenValidationFailed_notAnErrorInsideGraphqlJavasValidator() {
        assertThat(ExecutableSchema.graphQl(null, null, 0).getGraphQLSchema().getSubscriptionType()).isNull();
        for (String subscription : List.of("subscription S($v: Boolean = true) { __typename @include(if: $v) }",
                "subscription { __typename @skip(if: true) }", "subscription { __typename }",
                "query Q { __typename } subscription S { ...F } fragment F on Query { __typename }")) {
            assertThat(gateway.codes(subscription, "S")).as(subscription).containsExactly("GRAPHQL_VALIDATION_FAILED");
        }
    }

    private List<String> refusal(String document, String operationName) {
        return refusal(gateway, document, operationName);
    }

    private static List<String> refusal(PreExecution gateway, String document, String operationName) {
        return assertTimeoutPreemptively(QUICKLY, () -> gateway.codes(document, operationName));
    }
}
