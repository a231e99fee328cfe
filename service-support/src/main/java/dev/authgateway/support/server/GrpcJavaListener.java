package dev.authgateway.support.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.grpc.GrpcFrameLogs;
import dev.authgateway.support.grpc.GrpcTls;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.helidon.config.Config;

/**
 * {@code grpc.implementation: grpc-java} (the default): grpc-java's Netty server, handlers on virtual threads except
 * the methods named non-blocking, which run on the event loop that read them.
 *
 * <p>The server's executor is the direct one and each call of a blocking method moves to a virtual thread
 * ({@code callExecutor}): grpc-java looks the method up on the server's executor before it asks which executor the
 * call gets, so with virtual threads as the server's executor every call would start one, non-blocking ones too.
 */
record GrpcJavaListener(Server server, ExecutorService handlers, Duration grace) implements GrpcListener {

    static GrpcJavaListener start(Config grpcConfig, GrpcListenerSettings settings,
                                  List<ServerServiceDefinition> services, Set<String> nonBlockingMethods) {
        GrpcFrameLogs.holdAtInfo();
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        NettyServerBuilder builder = NettyServerBuilder
                .forAddress(new InetSocketAddress(settings.host(), settings.port()))
                .directExecutor()
                .callExecutor(new ServerCallExecutorSupplier() {
                    @Override
                    public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
                        return nonBlockingMethods.contains(call.getMethodDescriptor().getFullMethodName())
                                ? null : handlers;
                    }
                })
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
