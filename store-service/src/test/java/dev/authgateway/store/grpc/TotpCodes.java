package dev.authgateway.store.grpc;

import java.net.URI;
import java.time.Instant;

import dev.authgateway.store.totp.JavaOtpGenerator;

/** What an authenticator app does with an otpauth URI: the secret from its query, a code for a time step. */
record TotpCodes(byte[] secret) {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    static TotpCodes fromUri(String otpauthUri) {
        for (String parameter : URI.create(otpauthUri).getRawQuery().split("&")) {
            if (parameter.startsWith("secret=")) {
                return new TotpCodes(base32(parameter.substring("secret=".length())));
            }
        }
        throw new IllegalArgumentException("no secret in " + otpauthUri);
    }

    static long currentStep() {
        return Instant.now().getEpochSecond() / 30;
    }

    String at(long step) {
        return new JavaOtpGenerator().code(secret, step);
    }

    private static byte[] base32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
