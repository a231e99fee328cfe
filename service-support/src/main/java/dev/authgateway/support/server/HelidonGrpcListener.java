package dev.authgateway.support.server;

import java.util.List;
import java.util.logging.Logger;

import dev.authgateway.support.grpc.GrpcTls;
import io.grpc.ServerServiceDefinition;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.grpc.GrpcConfig;
import io.helidon.webserver.grpc.GrpcRouting;
import io.helidon.webserver.http2.Http2Config;

/**
 * {@code grpc.implementation: helidon}: the same services on a Helidon WebServer gRPC listener, built from the same
 * {@code grpc.*} keys as {@link GrpcJavaListener}:
 * <ul>
 *     <li>{@code host}, {@code port}: the listener's;</li>
 *     <li>{@code tls.{enabled,cert,key,ca}}: a Helidon {@link Tls} from the PEM files, client authentication
 *     REQUIRED when {@code ca} is set;</li>
 *     <li>{@code max-message-bytes}: {@link GrpcConfig#maxReadBufferSize()}, the nearest Helidon has (a larger
 *     message aborts the call rather than answering RESOURCE_EXHAUSTED);</li>
 *     <li>{@code shutdown-grace-period}: the listener's {@code shutdown-grace-period};</li>
 *     <li>{@code max-connection-age}, {@code max-connection-age-grace}: no Helidon equivalent (its HTTP/2 server
 *     never ends a connection by age). Said once at INFO when the listener starts, not a start-up failure: the
 *     keys have defaults, so failing would make this implementation unusable rather than tell the operator
 *     anything. Clients behind a headless Service then keep their first replicas until a connection breaks.</li>
 * </ul>
 * Handlers run on Helidon's per-stream virtual threads.
 */
record HelidonGrpcListener(WebServer server) implements GrpcListener {

    private static final Logger LOG = Logger.getLogger(HelidonGrpcListener.class.getName());

    static HelidonGrpcListener start(Config grpcConfig, GrpcListenerSettings settings,
                                     List<ServerServiceDefinition> services) {
        GrpcRouting.Builder routing = GrpcRouting.builder();
        services.forEach(routing::service);
        WebServerConfig.Builder builder = WebServer.builder()
                .shutdownHook(false)
                .host(settings.host())
                .port(settings.port())
                .shutdownGracePeriod(settings.grace())
                // Nagle's algorithm holds a call's second write until the peer's delayed ACK: about 40 ms a call.
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .addProtocol(Http2Config.create())
                .addProtocol(GrpcConfig.builder()
                        .maxReadBufferSize(settings.maxMessageBytes())
                        .build())
                .addRouting(routing);
        GrpcTls.helidonServer(grpcConfig.get("tls")).ifPresent(builder::tls);
        LOG.info(() -> "gRPC on Helidon: grpc.max-connection-age ("
                + settings.maxConnectionAge()
                + ") and grpc.max-connection-age-grace have no Helidon equivalent and are ignored:"
                + " connections are never ended by age");
        return new HelidonGrpcListener(builder.build().start());
    }

    @Override
    public int port() {
        return server.port();
    }

    /** Helidon's stop: stops accepting, refuses new requests on open connections, waits the grace for handlers. */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
