package dev.authgateway.support.grpc;

import java.time.Duration;
import java.util.Optional;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * A client channel's keys under its node (e.g. {@code app.store}); defaults in the service's application.yaml.
 * {@code keepalive-timeout} alone may be absent: then grpc-java's own (20 s) applies. {@code tls} is read by
 * {@link GrpcTls}: absent or {@code enabled: false} is plaintext.
 */
public record GrpcChannelSettings(String implementation, String host, int port, String loadBalancing,
                                  Duration keepalive, Optional<Duration> keepaliveTimeout) {

    public static GrpcChannelSettings from(Config channel) {
        return new GrpcChannelSettings(
                Required.string(channel.get("implementation")),
                Required.string(channel.get("host")),
                Required.integer(channel.get("port")),
                Required.string(channel.get("load-balancing")),
                Required.duration(channel.get("keepalive")),
                channel.get("keepalive-timeout").as(Duration.class).asOptional());
    }
}
