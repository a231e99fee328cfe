package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.common.parameters.Parameters;

/**
 * A GraphQL-over-HTTP request's parameters, checked for shape; anything malformed is a 400 BAD_REQUEST.
 * {@code query} is null only when {@code extensions.persistedQuery} names the document by its hash (Apollo's
 * automatic persisted queries; {@link PersistedDocuments} finds the text).
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
    private static final String PERSISTED_QUERY = "persistedQuery";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
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
        Map<String, Object> extensions = optionalObject(root.get("extensions"), "extensions");
        JsonNode query = root.get("query");
        if (query == null && extensions.containsKey(PERSISTED_QUERY)) {
            return persisted(null, optionalString(root.get("operationName"), "operationName"),
                    optionalObject(root.get("variables"), "variables"), extensions);
        }
        if (query == null || !query.isTextual()) {
            throw HttpProblem.badRequest("'query' must be a string");
        }
        return persisted(query.asText(),
                optionalString(root.get("operationName"), "operationName"),
                optionalObject(root.get("variables"), "variables"), extensions);
    }

    /** The request, its persistedQuery extension (when there is one) checked for shape. */
    private static GraphQlRequest persisted(String query, String operationName, Map<String, Object> variables,
                                            Map<String, Object> extensions) {
        GraphQlRequest request = new GraphQlRequest(query, operationName, variables, extensions);
        request.persistedHash();
        return request;
    }

    /**
     * The sha256 (lowercase hex) that {@code extensions.persistedQuery} names, or null without one. Version 1 is
     * the only version of Apollo's protocol; anything else in its place is a 400 BAD_REQUEST.
     */
    String persistedHash() {
        Object persisted = extensions.get(PERSISTED_QUERY);
        if (persisted == null) {
            return null;
        }
        if (!(persisted instanceof Map<?, ?> fields) || !Integer.valueOf(1).equals(fields.get("version"))) {
            throw HttpProblem.badRequest("'extensions.persistedQuery' must be {\"version\": 1, \"sha256Hash\": ...}");
        }
        if (!(fields.get("sha256Hash") instanceof String hash) || !SHA256_HEX.matcher(hash).matches()) {
            throw HttpProblem.badRequest("'extensions.persistedQuery.sha256Hash' must be 64 hexadecimal digits");
        }
        return hash.toLowerCase(Locale.ROOT);
    }

    /** This request with its document found, and no persistedQuery extension left to resolve. */
    GraphQlRequest withDocument(String document) {
        Map<String, Object> rest = new HashMap<>(extensions);
        rest.remove(PERSISTED_QUERY);
        return new GraphQlRequest(document, operationName, variables, rest);
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
        Map<String, Object> extensions = parseObject(single.get("extensions"), "extensions");
        if ((query == null || query.isEmpty()) && !extensions.containsKey(PERSISTED_QUERY)) {
            throw HttpProblem.badRequest("the 'query' parameter is required");
        }
        return persisted(query == null || query.isEmpty() ? null : query, blankToNull(single.get("operationName")),
                parseObject(single.get("variables"), "variables"), extensions);
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
