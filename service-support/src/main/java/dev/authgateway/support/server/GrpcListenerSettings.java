package dev.authgateway.support.server;

import java.time.Duration;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/** The {@code grpc.*} keys of a service's gRPC listener (both implementations), read once; defaults in application.yaml. */
public record GrpcListenerSettings(String implementation, String host, int port, int maxMessageBytes, Duration grace,
                                   Duration maxConnectionAge, Duration maxConnectionAgeGrace, boolean accessLog) {

    public static GrpcListenerSettings from(Config grpcConfig) {
        return new GrpcListenerSettings(
                Required.string(grpcConfig.get("implementation")),
                Required.string(grpcConfig.get("host")),
                Required.integer(grpcConfig.get("port")),
                Required.integer(grpcConfig.get("max-message-bytes")),
                Required.duration(grpcConfig.get("shutdown-grace-period")),
                Required.duration(grpcConfig.get("max-connection-age")),
                Required.duration(grpcConfig.get("max-connection-age-grace")),
                Required.bool(grpcConfig.get("access-log")));
    }
}
