package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.common.parameters.Parameters;

/**
 * A GraphQL-over-HTTP request's parameters, checked for shape; anything malformed is a 400 BAD_REQUEST.
 * JSON is read strictly: a key twice in one object (at any depth) or anything but whitespace after the value is
 * refused, so no two parsers (a proxy's, a WAF's, ours) can read one request two ways. The same holds for the GET
 * form: each parameter at most once, and variables/extensions as strict JSON.
 */
record GraphQlRequest(String query, String operationName, Map<String, Object> variables,
                      Map<String, Object> extensions) {

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<String> PARAMETERS = List.of("query", "operationName", "variables", "extensions");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The operations of one HTTP request: one, or with batching enabled a JSON array of several. */
    record Received(List<GraphQlRequest> operations, boolean batch) {
        static Received single(GraphQlRequest operation) {
            return new Received(List.of(operation), false);
        }
    }

    /** One request, or with batching enabled, a JSON array of at most maxBatchSize requests. */
    static Received fromJsonBody(byte[] body, QueryLimits limits) {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        } catch (IOException e) {
            throw HttpProblem.badRequest("the body is not valid JSON: one value, no key twice in an object, "
                    + "nothing after it");
        }
        if (root != null && root.isArray()) {
            if (!limits.batching()) {
                throw new HttpProblem(EdgeError.BATCHING_DISABLED, "send one operation per request");
            }
            if (root.isEmpty() || root.size() > limits.maxBatchSize()) {
                throw HttpProblem.badRequest("a batch holds 1 to " + limits.maxBatchSize() + " operations");
            }
            List<GraphQlRequest> batch = new ArrayList<>();
            root.forEach(element -> batch.add(fromJsonObject(element)));
            return new Received(batch, true);
        }
        return Received.single(fromJsonObject(root));
    }

    private static GraphQlRequest fromJsonObject(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw HttpProblem.badRequest("the body must be a JSON object");
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isTextual()) {
            throw HttpProblem.badRequest("'query' must be a string");
        }
        return new GraphQlRequest(query.asText(),
                optionalString(root.get("operationName"), "operationName"),
                optionalObject(root.get("variables"), "variables"),
                optionalObject(root.get("extensions"), "extensions"));
    }

    /** The GET form: each of query, operationName, variables and extensions at most once. */
    static GraphQlRequest fromQueryParameters(Parameters parameters) {
        Map<String, String> single = new HashMap<>();
        try {
            for (String name : PARAMETERS) {
                List<String> values = parameters.contains(name) ? parameters.all(name) : List.of();
                if (values.size() > 1) {
                    throw HttpProblem.badRequest("the '" + name + "' parameter is given more than once");
                }
                values.forEach(value -> single.put(name, value));
            }
        } catch (IllegalArgumentException malformed) {
            throw HttpProblem.badRequest("the query string is not valid percent-encoding");
        }
        String query = single.get("query");
        if (query == null || query.isEmpty()) {
            throw HttpProblem.badRequest("the 'query' parameter is required");
        }
        return new GraphQlRequest(query, blankToNull(single.get("operationName")),
                parseObject(single.get("variables"), "variables"), parseObject(single.get("extensions"), "extensions"));
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

    private static Map<String, Object> optionalObject(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("'" + name + "' must be an object or null");
        }
        return STRICT_JSON.convertValue(node, OBJECT);
    }

    private static Map<String, Object> parseObject(String text, String name) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return optionalObject(STRICT_JSON.readTree(text), name);
        } catch (IOException e) {
            throw HttpProblem.badRequest("'" + name + "' is not valid JSON: one value, no key twice in an object, "
                    + "nothing after it");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
