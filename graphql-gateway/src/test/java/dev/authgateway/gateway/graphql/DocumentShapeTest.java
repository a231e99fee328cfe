package dev.authgateway.gateway.graphql;

import java.time.Duration;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DocumentShapeTest {

    @Test
    void givenTheProfileQuery_thenDepthTwoSixFieldsNoAliasesNoIntrospection() {
        DocumentShape shape = shape("{ profile { id username email displayName createdAt } }");

        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.aliases()).isZero();
        assertThat(shape.cost()).isEqualTo(6);
        assertThat(shape.selections()).isEqualTo(6);
        assertThat(shape.introspection()).isFalse();
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
        return DocumentShape.of(Parser.parse(document), Integer.MAX_VALUE);
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

    @Test
    void givenFragmentsThatEachSpreadTheNextTwice_thenEachIsWalkedOnceAndTheCountsSaturate() {
        String document = HostileDocuments.doubling(98, "__typename");

        DocumentShape shape = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> DocumentShape.of(Parser.parse(document), 101));

        assertThat(shape.cost()).isEqualTo(101);
        assertThat(shape.selections()).isEqualTo(101);
        assertThat(shape.depth()).isEqualTo(1);
        assertThat(shape.visits()).isLessThan(700);
    }

    @Test
    void givenCountsPastTheIntegerRange_thenTheyStopAtTheCeilingInsteadOfOverflowing() {
        DocumentShape shape = DocumentShape.of(Parser.parse(HostileDocuments.doubling(98, "profile { id }")),
                Integer.MAX_VALUE);

        assertThat(shape.cost()).isEqualTo(Integer.MAX_VALUE);
        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void givenFragmentCyclesWithFanOut_thenEachFragmentIsWalkedOnce() {
        DocumentShape shape = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> shape("""
                { ...A }
                fragment A on Query { __typename ...B ...B ...C ...C }
                fragment B on Query { __typename ...C ...C ...A ...A }
                fragment C on Query { __typename ...A ...A ...B ...B }
                """));

        assertThat(shape.visits()).isLessThan(50); // each selection and spread a few times, not once per path
        assertThat(shape.cost()).isPositive();
    }

    @Test
    void givenSpreadsOfUnknownFragments_thenOnlyTheSpreadsThemselvesCount() {
        DocumentShape shape = shape("{ ...Nowhere profile { ...Else id } }");

        assertThat(shape.cost()).isEqualTo(2);
        assertThat(shape.selections()).isEqualTo(4);
        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void givenNestingFarDeeperThanAThreadStackHolds_thenMeasuredWithoutRecursion() {
        SelectionSet nested = SelectionSet.newSelectionSet().selection(new Field("leaf")).build();
        for (int level = 1; level < 200_000; level++) {
            nested = SelectionSet.newSelectionSet().selection(Field.newField("a", nested).build()).build();
        }
        Document document = Document.newDocument()
                .definition(OperationDefinition.newOperationDefinition().selectionSet(nested).build()).build();

        DocumentShape shape = DocumentShape.of(document, Integer.MAX_VALUE);

        assertThat(shape.depth()).isEqualTo(200_000);
        assertThat(shape.cost()).isEqualTo(200_000);
    }

    @Test
    void givenIntrospection_thenItsFieldsAreSelections_soFragmentsUnderItCannotGrowUnmeasured() {
        DocumentShape ide = shape(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY);
        DocumentShape doubling = shape("{ __schema { types { ...T0 } } } "
                + HostileDocuments.doublingFragments("T", "__Type", 40, "name"));

        assertThat(ide.selections()).isBetween(100, 500);
        assertThat(doubling.cost()).isEqualTo(1);
        assertThat(doubling.depth()).isEqualTo(1);
        assertThat(doubling.selections()).isEqualTo(Integer.MAX_VALUE);
        assertThat(doubling.introspection()).isTrue();
    }
}
