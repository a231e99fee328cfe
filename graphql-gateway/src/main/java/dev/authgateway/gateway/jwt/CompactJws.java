package dev.authgateway.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A compact JWS (RFC 7515 §7.1) split into its three parts, each decoded only if it is canonical base64url: the
 * url-safe alphabet, no padding, zero trailing bits (RFC 7515 §2, RFC 4648 §3.5). Java's decoder alone would accept
 * padding and ignore trailing bits, so one signature would have several spellings.
 */
record CompactJws(byte[] signingInput, byte[] header, byte[] payload, byte[] signature) {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The length is checked first, before anything is decoded. */
    static CompactJws split(String token, int maxLength) {
        if (token == null || token.isEmpty()) {
            throw new TokenRefused("empty token");
        }
        if (token.length() > maxLength) {
            throw new TokenRefused("token longer than " + maxLength + " characters");
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            throw new TokenRefused("not three dot-separated parts");
        }
        return new CompactJws(
                token.substring(0, second).getBytes(StandardCharsets.US_ASCII),
                decode(token.substring(0, first), "header"),
                decode(token.substring(first + 1, second), "payload"),
                decode(token.substring(second + 1), "signature"));
    }

    private static byte[] decode(String part, String name) {
        if (part.isEmpty()) {
            throw new TokenRefused("empty " + name);
        }
        for (int i = 0; i < part.length(); i++) {
            if (!urlSafe(part.charAt(i))) {
                throw new TokenRefused(name + " has padding or a character outside the base64url alphabet");
            }
        }
        if (part.length() % 4 == 1) {
            throw new TokenRefused(name + " has a base64url length no bytes can have");
        }
        byte[] bytes = DECODER.decode(part);
        if (!ENCODER.encodeToString(bytes).equals(part)) {
            throw new TokenRefused(name + " has non-zero trailing bits");
        }
        return bytes;
    }

    private static boolean urlSafe(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
