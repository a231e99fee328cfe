package dev.authgateway.gateway.jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import io.helidon.security.jwt.jwk.JwkEC;

/** An ES256 (P-256) key pair and its key id. */
public record SigningKey(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey) {

    static final String ALGORITHM = JwkEC.ALG_ES256;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            return new SigningKey(thumbprint(publicKey), (ECPrivateKey) pair.getPrivate(), publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make P-256 keys", e);
        }
    }

    /** The RFC 7638 JWK thumbprint: a key id derived from the public key alone. */
    public static String thumbprint(ECPublicKey publicKey) {
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x(publicKey) + "\",\"y\":\"" + y(publicKey)
                + "\"}";
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String x(ECPublicKey key) {
        return coordinate(key.getW().getAffineX());
    }

    static String y(ECPublicKey key) {
        return coordinate(key.getW().getAffineY());
    }

    JwkEC signingJwk() {
        return JwkEC.builder().privateKey(privateKey).publicKey(publicKey).keyId(keyId).algorithm(ALGORITHM).build();
    }

    JwkEC verificationJwk() {
        return JwkEC.builder().publicKey(publicKey).keyId(keyId).algorithm(ALGORITHM).build();
    }

    /** A P-256 coordinate as exactly 32 big-endian bytes, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, fixed, 32 - length, length);
        return BASE64URL.encodeToString(fixed);
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId + "]";
    }
}
