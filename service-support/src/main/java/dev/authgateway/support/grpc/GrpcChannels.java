package dev.authgateway.support.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.observe.GrpcClientTelemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.helidon.config.Config;

/**
 * Opens the one long-lived channel a client keeps to a gRPC service.
 *
 * <p>grpc-java (Netty) rather than Helidon's 4.2.0 gRPC client: that client sends no metadata,
 * ignores deadlines and opens a TCP connection per call.
 *
 * <p>The host is resolved through DNS ({@code dns:///host:port}) and calls are spread over every address it has
 * ({@code round_robin}). On Kubernetes the host is a headless Service, so each pod is one address; the servers close
 * connections after {@code grpc.max-connection-age}, which makes the client resolve again and pick up new pods.
 *
 * <p>Config keys under the node given: {@code host} (default 127.0.0.1), {@code port} (required),
 * {@code load-balancing} ({@code round_robin}, the default, or {@code pick_first}),
 * {@code keepalive} (default PT30S), {@code tls.*} (see {@link GrpcTls}; plaintext when absent).
 */
public final class GrpcChannels {

    private GrpcChannels() {
    }

    public static ManagedChannel open(Config channel) {
        String host = channel.get("host").asString().orElse("127.0.0.1");
        int port = channel.get("port").asInt()
                .orElseThrow(() -> new IllegalStateException("Missing required config: " + channel.key() + ".port"));
        Duration keepalive = channel.get("keepalive").as(Duration.class).orElse(Duration.ofSeconds(30));
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target(host, port))
                .defaultLoadBalancingPolicy(channel.get("load-balancing").asString().orElse("round_robin"))
                .keepAliveTime(keepalive.toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveWithoutCalls(false)
                .intercept(new GrpcClientTelemetry());
        GrpcTls.client(channel.get("tls")).ifPresentOrElse(builder::sslContext, builder::usePlaintext);
        return builder.build();
    }

    static String target(String host, int port) {
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "dns:///" + bracketed + ":" + port;
    }

    /** Closes a channel, waiting briefly for calls in flight. */
    public static void close(ManagedChannel channel) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
