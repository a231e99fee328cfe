package dev.authgateway.systemtest.api;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authgateway.systemtest.harness.SigningKey;
import dev.authgateway.systemtest.harness.Stack;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkEC;

/**
 * Tokens an attacker or a clock would produce: expired, signed by a stranger, unsigned, altered, or signed with the
 * gateway's key (as a leaked key or a buggy issuer would) but malformed.
 */
final class TokenForge {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKey gatewayKey;

    TokenForge(SigningKey gatewayKey) {
        this.gatewayKey = gatewayKey;
    }

    /** Signed with the gateway's own key, but expired an hour ago. */
    String expired(String userId) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return sign(gatewayKey.keyId(), gatewayKey.privateKey(), gatewayKey.publicKey(),
                userId, issued, issued.plus(Duration.ofHours(1)));
    }

    /** Valid in every claim, and carrying the gateway's kid, but signed by another key. */
    String signedByAnotherKey(String userId) {
        var stranger = SigningKey.newPair();
        Instant now = Instant.now();
        return sign(gatewayKey.keyId(), (ECPrivateKey) stranger.getPrivate(), (ECPublicKey) stranger.getPublic(),
                userId, now, now.plus(Duration.ofMinutes(10)));
    }

    /** {"alg":"none"} with valid claims and no signature. */
    String unsigned(String userId) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + gatewayKey.keyId() + "\"}";
        String payload = "{\"iss\":\"" + Stack.ISSUER + "\",\"aud\":\"" + Stack.AUDIENCE + "\",\"sub\":\"" + userId
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        return encode(header) + "." + encode(payload) + ".";
    }

    /** A real token whose payload now names another user; the signature no longer matches. */
    static String withSubjectReplaced(String token, String otherUserId) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceAll("\"sub\"\\s*:\\s*\"[^\"]*\"", "\"sub\":\"" + otherUserId + "\"");
        if (forged.equals(payload)) {
            throw new IllegalStateException("No sub claim in " + payload);
        }
        return parts[0] + "." + encode(forged) + "." + parts[2];
    }

    /**
     * A real token with its header and claims changed as given, signed again with the gateway's own key: only the
     * gateway's reading of the header and claims can refuse it.
     */
    String resigned(String token, Consumer<ObjectNode> header, Consumer<ObjectNode> claims) {
        String[] parts = token.split("\\.");
        ObjectNode headerJson = decodeObject(parts[0]);
        ObjectNode claimsJson = decodeObject(parts[1]);
        header.accept(headerJson);
        claims.accept(claimsJson);
        String input = encode(headerJson.toString()) + "." + encode(claimsJson.toString());
        JwkEC key = JwkEC.builder().privateKey(gatewayKey.privateKey()).publicKey(gatewayKey.publicKey())
                .keyId(gatewayKey.keyId()).algorithm(JwkEC.ALG_ES256).build();
        return input + "." + BASE64URL.encodeToString(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static ObjectNode decodeObject(String part) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Not a JSON object: " + part, e);
        }
    }

    private static String sign(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey,
                               String userId, Instant issued, Instant expires) {
        JwkEC key = JwkEC.builder()
                .privateKey(privateKey)
                .publicKey(publicKey)
                .keyId(keyId)
                .algorithm(JwkEC.ALG_ES256)
                .build();
        Jwt jwt = Jwt.builder()
                .keyId(keyId)
                .algorithm(JwkEC.ALG_ES256)
                .issuer(Stack.ISSUER)
                .addAudience(Stack.AUDIENCE)
                .subject(userId)
                .issueTime(issued)
                .expirationTime(expires)
                .jwtId(UUID.randomUUID().toString())
                .build();
        return SignedJwt.sign(jwt, key).tokenContent();
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
