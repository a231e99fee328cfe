package dev.authgateway.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.ExecutionResult;

/**
 * A result as the response body: {@code errors} (each shaped by {@link EdgeError#shape}) and {@code data} when
 * execution started.
 */
final class ResultShape {

    private ResultShape() {
    }

    static Map<String, Object> of(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put("errors", result.getErrors().stream().map(EdgeError::shape).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        return body;
    }
}
