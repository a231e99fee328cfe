package dev.authgateway.support.config;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * Reads a key every settings record needs. Each default is written once, in the service's {@code application.yaml};
 * a key missing from it (or from a config a test built) fails start-up with its full name, never with a value
 * made up in Java.
 */
public final class Required {

    private Required() {
    }

    public static String string(Config node) {
        return node.asString().orElseThrow(() -> missing(node));
    }

    public static int integer(Config node) {
        return node.asInt().orElseThrow(() -> missing(node));
    }

    public static long longValue(Config node) {
        return node.asLong().orElseThrow(() -> missing(node));
    }

    public static double decimal(Config node) {
        return node.asDouble().orElseThrow(() -> missing(node));
    }

    public static boolean bool(Config node) {
        return node.asBoolean().orElseThrow(() -> missing(node));
    }

    public static Duration duration(Config node) {
        return node.as(Duration.class).orElseThrow(() -> missing(node));
    }

    static MissingConfigException missing(Config node) {
        return new MissingConfigException(node.key().toString());
    }
}
