package dev.authgateway.gateway.graphql;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentShapeTest {

    @Test
    void givenTheProfileQuery_thenDepthTwoSixFieldsNoAliasesNoIntrospection() {
        DocumentShape shape = shape("{ profile { id username email displayName createdAt } }");

        assertThat(shape).isEqualTo(new DocumentShape(2, 0, 6, false));
    }

    @Test
    void givenFragments_thenTheyAreCountedWhereTheyAreSpread() {
        DocumentShape shape = shape("""
                mutation { a: signup(input: $i) { ...Payload } b: login(input: $l) { ...Payload } }
                fragment Payload on AuthPayload { accessToken user { ... on User { id } } }
                """);

        assertThat(shape.depth()).isEqualTo(3);
        assertThat(shape.aliases()).isEqualTo(2);
        assertThat(shape.cost()).isEqualTo(2 + 2 * 3 + 3);
    }

    @Test
    void givenAFragmentCycle_thenTheWalkEnds() {
        DocumentShape shape = shape("""
                { profile { ...A } }
                fragment A on User { id ...B }
                fragment B on User { username ...A }
                """);

        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void givenIntrospectionFields_thenFlagged_butTypenameIsNot() {
        assertThat(shape("{ __schema { types { name } } }").introspection()).isTrue();
        assertThat(shape("{ __type(name: \"User\") { name } }").introspection()).isTrue();
        assertThat(shape("{ __typename profile { __typename } }").introspection()).isFalse();
    }

    private static DocumentShape shape(String document) {
        return DocumentShape.of(Parser.parse(document));
    }

    @Test
    void givenAnIdesIntrospectionQuery_thenItsFieldsCountNeitherDepthNorCost() {
        DocumentShape shape = shape(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(shape.introspection()).isTrue();
        assertThat(shape.depth()).isEqualTo(1);
        assertThat(shape.cost()).isEqualTo(1);
    }

    @Test
    void givenIntrospectionBesideOrdinaryFields_thenTheOrdinaryFieldsStillCount() {
        DocumentShape shape = shape("{ __type(name: \"User\") { fields { name type { name } } } "
                + "profile { id username } }");

        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.cost()).isEqualTo(4);
    }
}
