package dev.authgateway.support.testing;

import java.util.HashMap;
import java.util.Map;

import dev.authgateway.support.config.ApplicationYaml;
import io.helidon.config.Config;

/** Complete configs for a test's gRPC server and client channel: {@code grpc-test.yaml} with the test's overrides. */
public final class GrpcTestConfig {

    private GrpcTestConfig() {
    }

    /** A root config ({@code grpc.*}, {@code server.*}, {@code channel.*}) with {@code overrides} (full keys) over it. */
    public static Config with(Map<String, String> overrides) {
        return ApplicationYaml.with("grpc-test.yaml", overrides);
    }

    /** The {@code channel} node for a channel to {@code port} on 127.0.0.1. */
    public static Config channel(int port) {
        return channel(port, Map.of());
    }

    /** The {@code channel} node for {@code port}, with {@code overrides} (keys relative to the channel, e.g. host). */
    public static Config channel(int port, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>();
        overrides.forEach((key, value) -> all.put("channel." + key, value));
        all.put("channel.port", String.valueOf(port));
        return with(all).get("channel");
    }
}
