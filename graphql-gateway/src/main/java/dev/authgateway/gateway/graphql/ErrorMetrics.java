package dev.authgateway.gateway.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/**
 * Counts the errors the gateway answers by {@code extensions.code}: {@code graphql_errors_total{code}}. The codes
 * are the gateway's own closed set, so the series stay bounded.
 */
final class ErrorMetrics {

    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    private ErrorMetrics() {
    }

    /** Counts the errors in one response body: a result, an error body, or a list of them for a batch. */
    static void count(Object body) {
        if (body instanceof List<?> results) {
            results.forEach(ErrorMetrics::count);
        } else if (body instanceof ExecutionResult result) {
            for (GraphQLError error : result.getErrors()) {
                counter(EdgeError.shapedCode(error) instanceof String code ? code : "NONE").increment();
            }
        } else if (body instanceof Map<?, ?> result && result.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                counter(codeOf(error)).increment();
            }
        }
    }

    private static String codeOf(Object error) {
        if (error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("code") instanceof String code) {
            return code;
        }
        return "NONE";
    }

    private static Counter counter(String code) {
        return COUNTERS.computeIfAbsent(code, key -> Metrics.globalRegistry().getOrCreate(
                Counter.builder("graphql.errors")
                        .description("Errors answered, by extensions.code")
                        .tags(List.of(Tag.create("code", key)))));
    }
}
