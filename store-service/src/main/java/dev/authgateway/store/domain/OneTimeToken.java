package dev.authgateway.store.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A mailed token: 256 random bits (SecureRandom) as base64url, of which only the SHA-256 is stored. */
public record OneTimeToken(String value, byte[] hash) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** A token as issued is 43 characters; anything much longer is not one (and is not hashed). */
    private static final int MAX_LENGTH = 128;

    public static OneTimeToken issue() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = BASE64URL.encodeToString(secret);
        return new OneTimeToken(value, hash(value));
    }

    /** The stored form of a presented token; garbage hashes to a value no row holds. */
    public static byte[] hash(String presented) {
        String value = presented == null || presented.length() > MAX_LENGTH ? "" : presented;
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "OneTimeToken[redacted]";
    }
}
