package dev.authgateway.support.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.grpc.GrpcFrameLogs;
import dev.authgateway.support.grpc.GrpcTls;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.helidon.config.Config;

/** {@code grpc.implementation: grpc-java} (the default): grpc-java's Netty server, handlers on virtual threads. */
record GrpcJavaListener(Server server, ExecutorService handlers, Duration grace) implements GrpcListener {

    static GrpcJavaListener start(Config grpcConfig, GrpcListenerSettings settings,
                                  List<ServerServiceDefinition> services) {
        GrpcFrameLogs.holdAtInfo();
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        NettyServerBuilder builder = NettyServerBuilder
                .forAddress(new InetSocketAddress(settings.host(), settings.port()))
                .executor(handlers)
                .maxInboundMessageSize(settings.maxMessageBytes())
                // Clients re-resolve the service's addresses when a connection ends, so an age spreads load to new pods.
                .maxConnectionAge(settings.maxConnectionAge().toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionAgeGrace(settings.maxConnectionAgeGrace().toMillis(), TimeUnit.MILLISECONDS);
        GrpcTls.server(grpcConfig.get("tls")).ifPresent(builder::sslContext);
        services.forEach(builder::addService);
        try {
            return new GrpcJavaListener(builder.build().start(), handlers, settings.grace());
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new UncheckedIOException("gRPC could not listen on " + settings.host() + ":" + settings.port(), e);
        }
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            server.shutdownNow();
        }
        handlers.shutdown();
        if (!handlers.awaitTermination(1, TimeUnit.SECONDS)) {
            handlers.shutdownNow();
        }
    }
}
