package dev.authgateway.store.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-use recovery codes: 79 random bits each (16 characters of 31), shown as four groups of four characters from an alphabet without
 * look-alikes (no 0/o, 1/l/i), e.g. {@code 7k3m-q9vx-2hfp-wt6c}. So many bits make a plain SHA-256 enough to store them:
 * a stolen table cannot be searched for them.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    static List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** As typed or pasted: without spaces and dashes, lower case. */
    static String normalise(String typed) {
        StringBuilder out = new StringBuilder();
        (typed == null ? "" : typed).codePoints()
                .filter(c -> !Character.isWhitespace(c) && c != '-')
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static byte[] hash(String normalised) {
        return sha256(normalised);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
