package dev.authgateway.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.helidon.common.uri.UriQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GraphQlRequestTest {

    private static final long SEED = Long.getLong("strict-json.seed", System.nanoTime());
    private static final QueryLimits NO_BATCHING = new QueryLimits(10, 10, 100, 1000, false, Duration.ofSeconds(5), false, 10);
    private static final QueryLimits BATCHING = new QueryLimits(10, 10, 100, 1000, false, Duration.ofSeconds(5), true, 2);

    @Test
    void givenOneOperation_thenOneOperationAndNoBatch() {
        var received = GraphQlRequest.fromJsonBody(bytes("{\"query\": \"{ profile { id } }\", \"variables\": null}"),
                NO_BATCHING);

        assertThat(received.batch()).isFalse();
        assertThat(received.operations()).singleElement()
                .satisfies(operation -> assertThat(operation.query()).isEqualTo("{ profile { id } }"));
    }

    @Test
    void givenAnArrayWhileBatchingIsOff_thenBatchingDisabled() {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> GraphQlRequest.fromJsonBody(
                bytes("[{\"query\": \"{ a }\"}]"), NO_BATCHING));

        assertThat(problem.code()).isEqualTo(EdgeError.BATCHING_DISABLED);
        assertThat(problem.status()).isEqualTo(400);
    }

    @Test
    void givenAnArrayWhileBatchingIsOn_thenEachOperationUpToTheLimit() {
        var received = GraphQlRequest.fromJsonBody(bytes("[{\"query\": \"{ a }\"}, {\"query\": \"{ b }\"}]"),
                BATCHING);
        HttpProblem tooMany = catchThrowableOfType(HttpProblem.class, () -> GraphQlRequest.fromJsonBody(
                bytes("[{\"query\": \"{ a }\"}, {\"query\": \"{ b }\"}, {\"query\": \"{ c }\"}]"), BATCHING));

        assertThat(received.batch()).isTrue();
        assertThat(received.operations()).extracting(GraphQlRequest::query).containsExactly("{ a }", "{ b }");
        assertThat(tooMany.code()).isEqualTo(EdgeError.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"query\": \"mutation { logout }\", \"query\": \"{ __typename }\"}",
        "{\"query\": \"{ a }\", \"operationName\": null, \"operationName\": \"A\"}",
        "{\"query\": \"{ a }\", \"variables\": {\"id\": 1, \"id\": 2}}",
        "{\"query\": \"{ a }\", \"variables\": {\"input\": {\"password\": \"a\", \"password\": \"b\"}}}",
        "{\"query\": \"{ a }\", \"variables\": {\"list\": [{\"k\": 1, \"k\": 1}]}}",
        "{\"query\": \"{ a }\", \"extensions\": {\"persistedQuery\": {}, \"persistedQuery\": {}}}",
        "{\"query\": \"{ a }\", \"variables\": {}, \"variables\": null}",
        "{\"query\": \"{ a }\", \"\\u0071uery\": \"{ b }\"}",
    })
    void givenAKeyTwiceInAnObjectAtAnyDepth_thenBadRequest(String body) {
        assertBadRequest(body, NO_BATCHING);
    }

    @Test
    void givenAKeyTwiceInOneOperationOfABatch_thenTheWholeBatchIsABadRequest() {
        assertBadRequest("[{\"query\": \"{ a }\"}, {\"query\": \"{ b }\", \"query\": \"{ c }\"}]", BATCHING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"query\": \"{ a }\"} x",
        "{\"query\": \"{ a }\"}{\"query\": \"mutation { logout }\"}",
        "{\"query\": \"{ a }\"}]",
        "{\"query\": \"{ a }\"}\u0000",
        "{\"query\": \"{ a }\"} null",
        "{\"query\": \"{ a }\"} 1",
        "{\"query\": \"{ a }\"}\"\"",
    })
    void givenAnythingButWhitespaceAfterTheJsonValue_thenBadRequest(String body) {
        assertBadRequest(body, NO_BATCHING);
    }

    @Test
    void givenContentAfterABatch_thenBadRequest() {
        assertBadRequest("[{\"query\": \"{ a }\"}] [{\"query\": \"{ b }\"}]", BATCHING);
    }

    @Test
    void givenOnlyWhitespaceAfterTheJsonValue_thenAccepted() {
        var received = GraphQlRequest.fromJsonBody(bytes("{\"query\": \"{ a }\"} \r\n\t "), NO_BATCHING);

        assertThat(received.operations()).extracting(GraphQlRequest::query).containsExactly("{ a }");
    }

    /** Random nested variables, with one key repeated in one random object: always refused; without it, accepted. */
    @Test
    void givenRandomVariablesWithOneKeyRepeatedAnywhere_thenAlwaysBadRequest() {
        Random cases = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            long caseSeed = cases.nextLong();
            List<String> keys = new ArrayList<>();
            String clean = randomObject(new Random(caseSeed), 0, keys, -1);
            String dirty = randomObject(new Random(caseSeed), 0, new ArrayList<>(), cases.nextInt(keys.size()));
            String replay = "seed " + SEED + ", case " + i + ": " + dirty;

            assertThatCode(() -> GraphQlRequest.fromJsonBody(bytes(body(clean)), NO_BATCHING)).as(replay)
                    .doesNotThrowAnyException();
            HttpProblem problem = catchThrowableOfType(HttpProblem.class,
                    () -> GraphQlRequest.fromJsonBody(bytes(body(dirty)), NO_BATCHING));
            assertThat(problem).as(replay).isNotNull();
            assertThat(problem.code()).as(replay).isEqualTo(EdgeError.BAD_REQUEST);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "query=%7B%20a%20%7D&query=mutation%20%7B%20logout%20%7D",
        "query=%7B%20a%20%7D&operationName=A&operationName=B",
        "query=%7B%20a%20%7D&variables=%7B%7D&variables=%7B%22id%22%3A1%7D",
        "query=%7B%20a%20%7D&extensions=%7B%7D&extensions=%7B%7D",
        "query=%7B%20a%20%7D&%71uery=%7B%20b%20%7D",
    })
    void givenAGetParameterTwice_thenBadRequest(String queryString) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class,
                () -> GraphQlRequest.fromQueryParameters(UriQuery.create(queryString)));

        assertThat(problem).as(queryString).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo(EdgeError.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "query=%7B%20a%20%7D&variables=%7B%22id%22%3A1%2C%22id%22%3A2%7D",
        "query=%7B%20a%20%7D&variables=%7B%22i%22%3A%7B%22a%22%3A1%2C%22a%22%3A1%7D%7D",
        "query=%7B%20a%20%7D&variables=%7B%7D%20x",
        "query=%7B%20a%20%7D&variables=%7B%7D%7B%7D",
        "query=%7B%20a%20%7D&extensions=%7B%22k%22%3A1%2C%22k%22%3A2%7D",
        "query=%7B%20a%20%7D&extensions=%7B%7D%5D",
    })
    void givenGetVariablesOrExtensionsThatAreNotStrictJson_thenBadRequest(String queryString) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class,
                () -> GraphQlRequest.fromQueryParameters(UriQuery.create(queryString)));

        assertThat(problem).as(queryString).isNotNull();
        assertThat(problem.code()).isEqualTo(EdgeError.BAD_REQUEST);
    }

    @Test
    void givenAWellFormedGet_thenItsParameters() {
        GraphQlRequest request = GraphQlRequest.fromQueryParameters(UriQuery.create(
                "query=%7B%20a%20%7D&operationName=A&variables=%7B%22id%22%3A1%7D%20&unrelated=1&unrelated=2"));

        assertThat(request.query()).isEqualTo("{ a }");
        assertThat(request.operationName()).isEqualTo("A");
        assertThat(request.variables()).containsEntry("id", 1);
    }

    private static String randomObject(Random random, int depth, List<String> keys, int duplicate) {
        StringBuilder object = new StringBuilder("{");
        int members = 1 + random.nextInt(4);
        for (int i = 0; i < members; i++) {
            String key = "k" + random.nextInt(1000) + "_" + keys.size();
            boolean repeat = keys.size() == duplicate;
            keys.add(key);
            String value = switch (depth > 3 ? random.nextInt(3) : random.nextInt(5)) {
                case 0 -> Integer.toString(random.nextInt());
                case 1 -> "\"" + Long.toString(random.nextLong(), 36) + "\"";
                case 2 -> random.nextBoolean() ? "null" : "true";
                case 3 -> "[" + randomObject(random, depth + 1, keys, duplicate) + "]";
                default -> randomObject(random, depth + 1, keys, duplicate);
            };
            object.append(i == 0 ? "" : ", ").append('"').append(key).append("\": ").append(value);
            if (repeat) {
                object.append(", \"").append(key).append("\": ").append(value);
            }
        }
        return object.append('}').toString();
    }

    @Test
    void givenAPersistedQueryHashWithoutAQuery_thenAcceptedWithTheHashInLowercase() {
        String hash = "AB".repeat(32);
        var received = GraphQlRequest.fromJsonBody(bytes("{\"extensions\": {\"persistedQuery\": "
                + "{\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}}"), NO_BATCHING);
        GraphQlRequest get = GraphQlRequest.fromQueryParameters(UriQuery.create("extensions=%7B%22persistedQuery%22"
                + "%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22" + hash + "%22%7D%7D"));

        assertThat(received.operations().getFirst().query()).isNull();
        assertThat(received.operations().getFirst().persistedHash()).isEqualTo("ab".repeat(32));
        assertThat(get.persistedHash()).isEqualTo("ab".repeat(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"extensions\": {\"persistedQuery\": {\"version\": 2, \"sha256Hash\": \"%s\"}}}",
        "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"%.63s\"}}}",
        "{\"extensions\": {\"persistedQuery\": {\"version\": 1, \"sha256Hash\": 1}}}%s",
        "{\"extensions\": {\"persistedQuery\": \"%s\"}}",
        "{\"extensions\": {\"other\": \"%s\"}}"
    })
    void givenAMalformedPersistedQuery_thenBadRequest(String template) {
        assertBadRequest(template.formatted("a".repeat(64)), NO_BATCHING);
    }

    private static String body(String variables) {
        return "{\"query\": \"{ a }\", \"variables\": " + variables + "}";
    }

    private static void assertBadRequest(String body, QueryLimits limits) {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class,
                () -> GraphQlRequest.fromJsonBody(bytes(body), limits));

        assertThat(problem).as(body).isNotNull();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo(EdgeError.BAD_REQUEST);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
