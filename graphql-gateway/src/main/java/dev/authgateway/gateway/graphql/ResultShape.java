package dev.authgateway.gateway.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.introspection.GoodFaithIntrospection;

/**
 * A result as the response body: {@code data} when execution started, and {@code errors} each with
 * {@code message}, {@code locations}, {@code path} and {@code extensions.code}. Parse and validation errors get
 * GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED; graphql-java's internal classification is not shown.
 */
final class ResultShape {

    private ResultShape() {
    }

    static Map<String, Object> of(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            result.getErrors().forEach(error -> errors.add(shape(error)));
            body.put("errors", errors);
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        return body;
    }

    private static Map<String, Object> shape(GraphQLError error) {
        Map<String, Object> shaped = new LinkedHashMap<>();
        shaped.put("message", error.getMessage());
        if (error.getLocations() != null && !error.getLocations().isEmpty()) {
            shaped.put("locations", error.getLocations().stream()
                    .map(location -> Map.of("line", location.getLine(), "column", location.getColumn())).toList());
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
        extensions.putIfAbsent("code", codeOf(error));
        shaped.put("extensions", extensions);
        return shaped;
    }

    private static String codeOf(GraphQLError error) {
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return "QUERY_TOO_COMPLEX"; // introspection asked for more than an IDE does (graphql-java's limits)
        }
        ErrorClassification classification = error.getErrorType();
        if (classification == ErrorType.InvalidSyntax) {
            return "GRAPHQL_PARSE_FAILED"; // a parse cancelled at the parser's limits is refused before (LimitedDocuments)
        }
        if (classification == ErrorType.ValidationError) {
            return "GRAPHQL_VALIDATION_FAILED";
        }
        if (classification == ErrorType.OperationNotSupported) {
            return "BAD_REQUEST";
        }
        return "INTERNAL";
    }
}
