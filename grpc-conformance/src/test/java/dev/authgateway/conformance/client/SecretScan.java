package dev.authgateway.conformance.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Looks for a secret in log records: as text, as hex (any case, any separators between the digits) and as base64
 * (standard or URL-safe, at each of the three alignments the secret can have in an encoded stream).
 *
 * <p>The test's server runs in the same JVM; what its classes log (grpc-java's {@code NettyServerHandler},
 * {@code ServerImpl}, ...) is the server's business, judged by the server side of the suite, and is skipped here.
 */
final class SecretScan {

    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretScan() {
    }

    /** 32 random letters (no digits, so the hex and base64 searches cannot match the plain text by accident). */
    static String newSecret() {
        StringBuilder secret = new StringBuilder("qz");
        for (int i = 0; i < 30; i++) {
            secret.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return secret.toString();
    }

    /** One line per record that carries the secret in any form: logger, level and the form found. */
    static List<String> leaks(List<LogRecord> records, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.US_ASCII);
        String hex = HexFormat.of().formatHex(bytes);
        List<String> base64 = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] aligned = Arrays.copyOfRange(bytes, offset, offset + (bytes.length - offset) / 3 * 3);
            base64.add(Base64.getEncoder().encodeToString(aligned));
            base64.add(Base64.getUrlEncoder().encodeToString(aligned));
        }
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> leaks = new ArrayList<>();
        for (LogRecord record : records) {
            if (fromServer(record.getLoggerName())) {
                continue;
            }
            String text = text(record, formatter);
            String digits = text.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
            String where = record.getLoggerName() + " " + record.getLevel() + ": ";
            if (text.contains(secret)) {
                leaks.add(where + "as text");
            } else if (digits.contains(hex)) {
                leaks.add(where + "as hex");
            } else if (base64.stream().anyMatch(text::contains)) {
                leaks.add(where + "as base64");
            }
        }
        return leaks;
    }

    private static boolean fromServer(String logger) {
        if (logger == null) {
            return false;
        }
        String simpleName = logger.substring(logger.lastIndexOf('.') + 1);
        return simpleName.startsWith("NettyServer") || simpleName.startsWith("Server");
    }

    private static String text(LogRecord record, SimpleFormatter formatter) {
        StringBuilder text = new StringBuilder();
        try {
            text.append(formatter.formatMessage(record)).append('\n');
        } catch (RuntimeException e) {
            text.append("(unformattable) ");
        }
        text.append(record.getMessage()).append('\n');
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                try {
                    text.append(parameter).append('\n');
                } catch (RuntimeException e) {
                    text.append("(parameter failed toString)\n");
                }
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
        return text.toString();
    }
}
