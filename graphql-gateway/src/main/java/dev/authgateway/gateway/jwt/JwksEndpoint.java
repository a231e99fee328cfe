package dev.authgateway.gateway.jwt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /.well-known/jwks.json}: the public keys tokens are verified with, so other services can verify too. */
public final class JwksEndpoint implements HttpService {

    private final byte[] document;

    public JwksEndpoint(JwtSettings settings) {
        this.document = render(settings.verificationKeys());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/jwks.json", this::jwks);
    }

    private void jwks(ServerRequest request, ServerResponse response) {
        response.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, "application/jwk-set+json"));
        response.header(HeaderValues.create(HeaderNames.CACHE_CONTROL, "public, max-age=300"));
        response.send(document);
    }

    static byte[] render(List<SigningKey> keys) {
        List<Map<String, String>> jwks = keys.stream().map(key -> {
            Map<String, String> jwk = new LinkedHashMap<>();
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("x", SigningKey.x(key.publicKey()));
            jwk.put("y", SigningKey.y(key.publicKey()));
            jwk.put("kid", key.keyId());
            jwk.put("use", "sig");
            jwk.put("alg", SigningKey.ALGORITHM);
            return jwk;
        }).toList();
        try {
            return new ObjectMapper().writeValueAsBytes(Map.of("keys", jwks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
