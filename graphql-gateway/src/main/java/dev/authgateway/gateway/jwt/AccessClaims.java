package dev.authgateway.gateway.jwt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The claims of a token whose signature has been verified, each of the type RFC 7519 §4.1 gives it: {@code iss},
 * {@code sub}, {@code sid} strings; {@code aud} a string or an array of strings; {@code exp}, {@code iat} and
 * {@code nbf} whole seconds. Claims the gateway does not read are ignored, whatever their type.
 */
record AccessClaims(String issuer, List<String> audience, String subject, String session,
                    long issuedAt, long expiresAt, Long notBefore) {

    /** 9999-12-31T23:59:59Z: a later NumericDate is no date anyone issues. */
    private static final long LAST_SECOND = 253_402_300_799L;

    static AccessClaims parse(byte[] json) {
        ObjectNode claims = StrictJson.object(json, "payload");
        Long notBefore = claims.has("nbf") ? numericDate(claims, "nbf") : null;
        return new AccessClaims(text(claims, "iss"), audience(claims), text(claims, "sub"),
                text(claims, JwtAccessTokens.SESSION_CLAIM), numericDate(claims, "iat"), numericDate(claims, "exp"),
                notBefore);
    }

    /**
     * Ours, for us, current within the clock skew, and no longer-lived than the tokens the gateway issues: a token
     * minted with a ten-year {@code exp} (a leaked key, a bug) is refused rather than trusted for ten years.
     */
    void check(JwtSettings settings, Instant now) {
        long skew = settings.clockSkew().toSeconds();
        long seconds = now.getEpochSecond();
        if (!issuer.equals(settings.issuer())) {
            throw new TokenRefused("another issuer");
        }
        if (!audience.contains(settings.audience())) {
            throw new TokenRefused("not for our audience");
        }
        if (expiresAt < seconds - skew) {
            throw new TokenRefused("expired");
        }
        if (issuedAt > seconds + skew) {
            throw new TokenRefused("issued in the future");
        }
        if (notBefore != null && notBefore > seconds + skew) {
            throw new TokenRefused("not valid yet");
        }
        if (expiresAt <= issuedAt) {
            throw new TokenRefused("expires before it was issued");
        }
        if (expiresAt - issuedAt > settings.ttl().toSeconds() + skew) {
            throw new TokenRefused("lifetime longer than app.jwt.ttl + app.jwt.clock-skew");
        }
    }

    Instant expiry() {
        return Instant.ofEpochSecond(expiresAt);
    }

    private static String text(ObjectNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new TokenRefused(name + " is not a non-blank string");
        }
        return value.textValue();
    }

    private static List<String> audience(ObjectNode claims) {
        JsonNode value = claims.get("aud");
        if (value != null && value.isTextual()) {
            return List.of(value.textValue());
        }
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new TokenRefused("aud is neither a string nor an array of strings");
        }
        List<String> audience = new ArrayList<>();
        for (JsonNode entry : value) {
            if (!entry.isTextual()) {
                throw new TokenRefused("aud is neither a string nor an array of strings");
            }
            audience.add(entry.textValue());
        }
        return List.copyOf(audience);
    }

    private static long numericDate(ObjectNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < 0 || value.longValue() > LAST_SECOND) {
            throw new TokenRefused(name + " is not a whole number of seconds since 1970 before the year 10000");
        }
        return value.longValue();
    }
}
