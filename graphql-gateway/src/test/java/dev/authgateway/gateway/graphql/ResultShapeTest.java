package dev.authgateway.gateway.graphql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer's bytes, written straight from graphql-java's result, are those the gateway wrote before from maps
 * ({@link #previousShape}, kept here as the reference): same keys, order, escaping and numbers.
 */
class ResultShapeTest {

    private static final ObjectMapper PREVIOUS_WRITER = new ObjectMapper();
    private static final GraphQL SCHEMA_WITHOUT_ACCOUNTS = ExecutableSchema.graphQl(null, null, 0);

    @Test
    void givenData_thenTheSameBytes() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", "6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60");
        user.put("username", "ada");
        user.put("email", "ada@example.com");
        user.put("displayName", "Zoë \"Ada\" \\ Lovelace\n\u2028 <script>");
        user.put("createdAt", "2026-01-01T00:00:00Z");
        user.put("nothing", null);
        user.put("count", 42);
        user.put("big", 9_007_199_254_740_993L);
        user.put("ratio", 0.1);
        user.put("exact", new BigDecimal("1.50"));
        user.put("flag", true);
        user.put("tags", List.of("a", "b"));
        user.put("nested", List.of(Map.of("x", 1), Arrays.asList(null, false)));
        assertSameBytes(ExecutionResult.newExecutionResult().data(Map.of("profile", user)).build());
    }

    @Test
    void givenFieldErrorsWithExtensions_thenTheSameBytes() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "RATE_LIMITED");
        extensions.put("field", "login");
        extensions.put("retryAfterSeconds", 30L);
        extensions.put("classification", "DataFetchingException");
        GraphQLError limited = GraphqlErrorBuilder.newError()
                .message("too many attempts")
                .locations(List.of(new SourceLocation(1, 12), new SourceLocation(3, 4)))
                .path(ResultPath.parse("/login/items[2]"))
                .extensions(extensions)
                .build();
        Map<String, Object> nullCodeFirst = new LinkedHashMap<>();
        nullCodeFirst.put("code", null);
        nullCodeFirst.put("detail", Map.of("nested", List.of(1, 2)));
        GraphQLError ownCodeMissing = GraphqlErrorBuilder.newError().message("no code of its own")
                .errorType(ErrorType.ValidationError).extensions(nullCodeFirst).build();
        GraphQLError withoutExtensions = GraphqlErrorBuilder.newError().message("bare").build();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("login", null);
        assertSameBytes(ExecutionResult.newExecutionResult()
                .errors(List.of(limited, ownCodeMissing, withoutExtensions)).data(data).build());
    }

    @Test
    void givenNullData_thenTheSameBytes() {
        GraphQLError error = GraphqlErrorBuilder.newError().message("profile failed")
                .path(List.of("profile")).extensions(Map.of("code", "UNAVAILABLE")).build();
        ExecutionResult result = ExecutionResult.newExecutionResult().data(null).addError(error).build();
        assertThat(result.isDataPresent()).isTrue();
        assertSameBytes(result);
        assertThat(new String(EdgeError.json(result), StandardCharsets.UTF_8)).endsWith(",\"data\":null}");
    }

    @Test
    void givenGraphqlJavasOwnErrors_thenTheSameBytesAndNoData() {
        ExecutionResult parseFailed = execute("{ profile { id ");
        ExecutionResult validationFailed = execute("{ profile { nope } }");
        ExecutionResult fieldFailed = execute("{ profile { id } }");
        assertThat(parseFailed.isDataPresent()).isFalse();
        assertThat(validationFailed.getErrors()).isNotEmpty();
        assertThat(fieldFailed.getErrors()).isNotEmpty();
        assertSameBytes(parseFailed);
        assertSameBytes(validationFailed);
        assertSameBytes(fieldFailed);
        assertThat(new String(EdgeError.json(parseFailed), StandardCharsets.UTF_8))
                .contains("\"locations\":[{\"line\":1,\"column\":")
                .contains("\"code\":\"GRAPHQL_PARSE_FAILED\"")
                .doesNotContain("classification", "\"data\"");
    }

    @Test
    void givenABatchOfResultsAndRefusals_thenTheSameBytes() {
        ExecutionResult data = ExecutionResult.newExecutionResult().data(Map.of("profile", Map.of("id", "1"))).build();
        ExecutionResult failed = execute("{ profile { nope } }");
        Map<String, Object> refused = EdgeError.PERSISTED_QUERY_NOT_FOUND.body("PersistedQueryNotFound");
        List<Object> batch = List.of(data, failed, refused);
        List<Object> previousBatch = List.of(previousShape(data), previousShape(failed), refused);
        assertThat(new String(EdgeError.json(batch), StandardCharsets.UTF_8))
                .isEqualTo(previousBytes(previousBatch));
    }

    @Test
    void givenAnErrorBody_thenWrittenAsBefore() {
        Map<String, Object> body = EdgeError.TIMEOUT.body("the operation took longer than 5000 ms");
        assertThat(new String(EdgeError.json(body), StandardCharsets.UTF_8)).isEqualTo(
                "{\"errors\":[{\"message\":\"the operation took longer than 5000 ms\","
                        + "\"extensions\":{\"code\":\"TIMEOUT\"}}]}");
    }

    @Test
    void givenResultErrors_thenEachCountedUnderTheCodeItIsAnsweredWith() {
        ExecutionResult failed = execute("{ profile { nope } }");
        for (GraphQLError error : failed.getErrors()) {
            assertThat(EdgeError.shapedCode(error)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        }
        GraphQLError own = GraphqlErrorBuilder.newError().message("m").extensions(Map.of("code", "CONFLICT")).build();
        assertThat(EdgeError.shapedCode(own)).isEqualTo("CONFLICT");
    }

    private static ExecutionResult execute(String document) {
        return SCHEMA_WITHOUT_ACCOUNTS.execute(ExecutionInput.newExecutionInput().query(document).build());
    }

    private static void assertSameBytes(ExecutionResult result) {
        assertThat(new String(EdgeError.json(result), StandardCharsets.UTF_8))
                .isEqualTo(previousBytes(previousShape(result)));
    }

    private static String previousBytes(Object body) {
        try {
            return PREVIOUS_WRITER.writeValueAsString(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The map the gateway built for a result before it wrote results straight from graphql-java's (ResultShape.of
     * and EdgeError.shape). One deliberate difference: a location was a Map.of, whose key order is unspecified (it
     * can change from one JVM start to the next); it is written line, then column, now and here.
     */
    private static Map<String, Object> previousShape(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put("errors", result.getErrors().stream().map(ResultShapeTest::previousShape).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        return body;
    }

    private static Map<String, Object> previousShape(GraphQLError error) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("message", error.getMessage());
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            List<Map<String, Object>> locations = new ArrayList<>();
            for (SourceLocation location : error.getLocations()) {
                Map<String, Object> shapedLocation = new LinkedHashMap<>();
                shapedLocation.put("line", location.getLine());
                shapedLocation.put("column", location.getColumn());
                locations.add(shapedLocation);
            }
            shaped.put("locations", locations);
        }
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            shaped.put("path", error.getPath());
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            error.getExtensions().forEach((key, value) -> {
                if (!"classification".equals(key)) {
                    extensions.put(key, value);
                }
            });
        }
        extensions.putIfAbsent("code", EdgeError.shapedCode(error));
        shaped.put("extensions", extensions);
        return shaped;
    }
}
