package dev.authgateway.gateway.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The documents a frontend build declared (trusted documents), by sha256: read once at start-up from a manifest in
 * the format of Apollo's generate-persisted-query-manifest
 * ({@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "body", ...}]}}) or of
 * GraphQL Code Generator's client preset ({@code persisted-documents.json}: {@code {"<sha256>": "<document>"}}).
 * An id is the sha256 of its body in hex, bare or prefixed {@code sha256:} (client preset 6 and the GraphQL over
 * HTTP persisted-documents appendix write that form); a manifest that breaks that stops start-up naming the entry,
 * so a manifest built with another hash (sha1 in older client presets) is found at deploy time, not by users.
 */
record TrustedDocuments(Map<String, String> byHash) {

    static final TrustedDocuments NONE = new TrustedDocuments(Map.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";
    private static final String SHA256_PREFIX = "sha256:";

    /** The manifest at {@code path}; an empty path is no manifest. */
    static TrustedDocuments load(String path) {
        if (path == null || path.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("trusted-documents manifest " + path + " cannot be read as JSON: "
                    + e.getMessage(), e);
        }
        return new TrustedDocuments(Map.copyOf(entries(root, path)));
    }

    private static Map<String, String> entries(JsonNode root, String path) {
        if (root == null || !root.isObject()) {
            throw bad(path, "it is not a JSON object");
        }
        Map<String, String> byHash = new HashMap<>();
        if (root.has("format")) {
            if (!APOLLO_FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
                throw bad(path, "only format " + APOLLO_FORMAT + " version 1 is understood");
            }
            JsonNode operations = root.path("operations");
            if (!operations.isArray()) {
                throw bad(path, "'operations' is not an array");
            }
            for (int i = 0; i < operations.size(); i++) {
                JsonNode operation = operations.get(i);
                String label = "operations[" + i + "] (" + operation.path("name").asText("unnamed") + ")";
                add(byHash, operation.path("id"), operation.path("body"), label, path);
            }
        } else {
            root.properties().forEach(entry -> add(byHash, JSON.getNodeFactory().textNode(entry.getKey()),
                    entry.getValue(), "\"" + entry.getKey() + "\"", path));
        }
        return byHash;
    }

    private static void add(Map<String, String> byHash, JsonNode id, JsonNode body, String label, String path) {
        if (!id.isTextual() || !body.isTextual()) {
            throw bad(path, label + " needs a string id and a string body");
        }
        String hash = Sha256.hex(body.asText());
        String hex = id.asText().toLowerCase(java.util.Locale.ROOT);
        if (!hash.equals(hex.startsWith(SHA256_PREFIX) ? hex.substring(SHA256_PREFIX.length()) : hex)) {
            throw bad(path, label + " has id " + id.asText() + " but its body's sha256 is " + hash
                    + " (was the manifest built with another hash algorithm?)");
        }
        byHash.put(hash, body.asText());
    }

    private static IllegalStateException bad(String path, String why) {
        return new IllegalStateException("trusted-documents manifest " + path + " is refused: " + why);
    }

    String document(String hash) {
        return byHash.get(hash);
    }

    boolean contains(String hash) {
        return byHash.containsKey(hash);
    }
}
