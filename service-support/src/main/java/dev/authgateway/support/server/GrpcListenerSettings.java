package dev.authgateway.support.server;

import java.time.Duration;

import io.helidon.config.Config;

/** The {@code grpc.*} keys both listener implementations honour, read once. */
record GrpcListenerSettings(String host, int port, int maxMessageBytes, Duration grace) {

    static GrpcListenerSettings from(Config grpcConfig) {
        return new GrpcListenerSettings(
                grpcConfig.get("host").asString().orElse("127.0.0.1"),
                grpcConfig.get("port").asInt()
                        .orElseThrow(() -> new IllegalStateException("Missing required config: grpc.port")),
                grpcConfig.get("max-message-bytes").asInt().orElse(64 * 1024),
                grpcConfig.get("shutdown-grace-period").as(Duration.class).orElse(Duration.ofSeconds(10)));
    }
}
