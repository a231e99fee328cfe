package dev.authgateway.gateway.jwt;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The only protected header the gateway accepts: {@code alg} ES256, a {@code kid} as a string, and optionally
 * {@code typ} "JWT", which is what it issues. Any other parameter is refused, {@code crit} above all: the gateway
 * understands no extension, and RFC 7515 §4.1.11 says a token whose critical extension is not understood is invalid.
 */
record JwsHeader(String keyId) {

    private static final Set<String> UNDERSTOOD = Set.of("alg", "kid", "typ");

    static JwsHeader parse(byte[] json) {
        ObjectNode header = StrictJson.object(json, "header");
        if (header.has("crit")) {
            throw new TokenRefused("crit header: the gateway understands no extension");
        }
        for (Iterator<String> names = header.fieldNames(); names.hasNext(); ) {
            if (!UNDERSTOOD.contains(names.next())) {
                throw new TokenRefused("a header parameter other than alg, kid and typ");
            }
        }
        if (!SigningKey.ALGORITHM.equals(text(header, "alg"))) {
            throw new TokenRefused("alg is not " + SigningKey.ALGORITHM);
        }
        JsonNode type = header.get("typ");
        if (type != null && !"JWT".equals(type.textValue())) {
            throw new TokenRefused("typ is not JWT");
        }
        return new JwsHeader(text(header, "kid"));
    }

    private static String text(ObjectNode header, String name) {
        JsonNode value = header.get(name);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new TokenRefused(name + " is not a non-empty string");
        }
        return value.textValue();
    }
}
