package dev.authgateway.systemtest.harness;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An authenticator app, written from RFC 6238 and RFC 4226 with the JDK alone (not the store's library), so the
 * system test also checks that the codes the gateway expects are the ones any app computes from the otpauth URI.
 */
public record Authenticator(byte[] secret) {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Scans the QR code, as it were: the secret from the URI's query. */
    public static Authenticator fromUri(String otpauthUri) {
        for (String parameter : URI.create(otpauthUri).getRawQuery().split("&")) {
            if (parameter.startsWith("secret=")) {
                return new Authenticator(base32(parameter.substring("secret=".length())));
            }
        }
        throw new IllegalArgumentException("no secret in the otpauth URI");
    }

    public static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** The 6-digit code of a 30-second step (HMAC-SHA1, dynamic truncation). */
    public String code(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
