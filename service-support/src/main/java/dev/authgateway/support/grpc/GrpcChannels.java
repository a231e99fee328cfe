package dev.authgateway.support.grpc;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.observe.GrpcClientTelemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.helidon.config.Config;

/**
 * Opens the one long-lived channel a client keeps to a gRPC service.
 *
 * <p>grpc-java (Netty) by default rather than Helidon's gRPC client: Helidon 4.5.0's client ignores deadlines,
 * drops response headers, trailers and status details, and opens a TCP connection per call (the verdicts are
 * grpc-conformance's {@code conformance/client.tsv}).
 *
 * <p>The host is resolved through DNS ({@code dns:///host:port}) and calls are spread over every address it has
 * ({@code round_robin}). On Kubernetes the host is a headless Service, so each pod is one address; the servers close
 * connections after {@code grpc.max-connection-age}, which makes the client resolve again and pick up new pods.
 *
 * <p>Config keys under the node given ({@link GrpcChannelSettings}; defaults in application.yaml): {@code host},
 * {@code port}, {@code load-balancing} ({@code round_robin} or {@code pick_first}),
 * {@code keepalive} (an HTTP/2 ping when nothing was read for that long while calls are open;
 * grpc-java raises anything under 10 s to 10 s), {@code keepalive-timeout} (how long an unanswered ping may wait
 * before the connection is taken for dead; grpc-java's default, 20 s, when absent),
 * {@code tls.*} (see {@link GrpcTls}; plaintext when absent).
 *
 * <p>{@code implementation}: {@code grpc-java} or {@code helidon}, Helidon's gRPC client built from the
 * same keys (see {@link HelidonChannel} for the keys it has no equivalent of). Both give a {@link ManagedChannel},
 * closed with {@link #close}. The choice between them is made by the grpc-conformance module.
 */
public final class GrpcChannels {

    /** Values of {@code implementation}. */
    public static final String GRPC_JAVA = "grpc-java";
    public static final String HELIDON = "helidon";


    private GrpcChannels() {
    }

    public static ManagedChannel open(Config channel) {
        return open(channel, Map.of());
    }

    /**
     * With a gRPC service config ({@code methodConfig} with a {@code retryPolicy}, as parsed from its JSON form), so
     * that grpc-java retries the calls it names; Helidon's client has no service config and ignores it.
     */
    public static ManagedChannel open(Config channel, Map<String, ?> serviceConfig) {
        GrpcChannelSettings settings = GrpcChannelSettings.from(channel);
        return switch (settings.implementation()) {
            case GRPC_JAVA -> grpcJava(channel, settings, serviceConfig);
            case HELIDON -> HelidonChannel.open(channel, settings);
            default -> throw new IllegalStateException(channel.key() + ".implementation: " + settings.implementation()
                    + " is neither " + GRPC_JAVA + " nor " + HELIDON);
        };
    }

    private static ManagedChannel grpcJava(Config channel, GrpcChannelSettings settings,
                                           Map<String, ?> serviceConfig) {
        GrpcFrameLogs.holdAtInfo();
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target(settings.host(), settings.port()))
                .defaultLoadBalancingPolicy(settings.loadBalancing())
                .keepAliveTime(settings.keepalive().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveWithoutCalls(false)
                .intercept(new GrpcClientTelemetry());
        settings.keepaliveTimeout().ifPresent(timeout -> builder.keepAliveTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
        if (!serviceConfig.isEmpty()) {
            builder.defaultServiceConfig(serviceConfig).enableRetry();
        }
        GrpcTls.client(channel.get("tls")).ifPresentOrElse(builder::sslContext, builder::usePlaintext);
        return builder.build();
    }

    static String target(String host, int port) {
        return "dns:///" + authority(host, port);
    }

    static String authority(String host, int port) {
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return bracketed + ":" + port;
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
