package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A GraphQL-over-HTTP request's parameters, checked for shape; anything malformed is a 400 BAD_REQUEST. */
record GraphQlRequest(String query, String operationName, Map<String, Object> variables,
                      Map<String, Object> extensions) {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The operations of one HTTP request: one, or with batching enabled a JSON array of several. */
    record Received(List<GraphQlRequest> operations, boolean batch) {
        static Received single(GraphQlRequest operation) {
            return new Received(List.of(operation), false);
        }
    }

    /** One request, or with batching enabled, a JSON array of at most maxBatchSize requests. */
    static Received fromJsonBody(byte[] body, ObjectMapper json, QueryLimits limits) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw HttpProblem.badRequest("the body is not valid JSON");
        }
        if (root != null && root.isArray()) {
            if (!limits.batching()) {
                throw new HttpProblem(400, "BATCHING_DISABLED", "send one operation per request");
            }
            if (root.isEmpty() || root.size() > limits.maxBatchSize()) {
                throw HttpProblem.badRequest("a batch holds 1 to " + limits.maxBatchSize() + " operations");
            }
            List<GraphQlRequest> batch = new ArrayList<>();
            root.forEach(element -> batch.add(fromJsonObject(element, json)));
            return new Received(batch, true);
        }
        return Received.single(fromJsonObject(root, json));
    }

    private static GraphQlRequest fromJsonObject(JsonNode root, ObjectMapper json) {
        if (root == null || !root.isObject()) {
            throw HttpProblem.badRequest("the body must be a JSON object");
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isTextual()) {
            throw HttpProblem.badRequest("'query' must be a string");
        }
        return new GraphQlRequest(query.asText(),
                optionalString(root.get("operationName"), "operationName"),
                optionalObject(root.get("variables"), "variables", json),
                optionalObject(root.get("extensions"), "extensions", json));
    }

    static GraphQlRequest fromQueryParameters(String query, String operationName, String variables,
                                              String extensions, ObjectMapper json) {
        if (query == null || query.isEmpty()) {
            throw HttpProblem.badRequest("the 'query' parameter is required");
        }
        return new GraphQlRequest(query, blankToNull(operationName),
                parseObject(variables, "variables", json), parseObject(extensions, "extensions", json));
    }

    private static String optionalString(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw HttpProblem.badRequest("'" + name + "' must be a string or null");
        }
        return blankToNull(node.asText());
    }

    private static Map<String, Object> optionalObject(JsonNode node, String name, ObjectMapper json) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("'" + name + "' must be an object or null");
        }
        return json.convertValue(node, OBJECT);
    }

    private static Map<String, Object> parseObject(String text, String name, ObjectMapper json) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return optionalObject(json.readTree(text), name, json);
        } catch (IOException e) {
            throw HttpProblem.badRequest("'" + name + "' is not valid JSON");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
