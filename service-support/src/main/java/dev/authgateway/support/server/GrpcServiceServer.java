package dev.authgateway.support.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.http.HttpServers;
import dev.authgateway.support.observe.GrpcServerTelemetry;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.helidon.config.Config;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * A gRPC service's two listeners: grpc-java's Netty server for the gRPC services and {@code grpc.health.v1.Health}
 * (config {@code grpc.host}, {@code grpc.port}), and a Helidon WebServer for {@code /observe/health/{live,ready}}
 * and {@code /observe/metrics} (config {@code server.*}, built by {@link HttpServers}). The HTTP listener is the
 * service's management port: it serves nothing else, the API is gRPC. Port 0 picks a free port.
 *
 * <p>Not Helidon's own gRPC server: in 4.2.0 it cannot send trailers carrying binary metadata (so no
 * {@code google.rpc} error details), garbles request metadata, and on a failed call logs the raw request bytes,
 * passwords included.
 *
 * <p>Every call is traced and counted ({@link GrpcServerTelemetry}); {@code grpc.access-log: true} logs each one.
 *
 * <p>{@code grpc.max-connection-age} (default PT2M, then {@code max-connection-age-grace} PT30S for calls in flight)
 * closes each client connection in turn, so clients balancing over a headless Service find new replicas.
 *
 * <p>Liveness has no dependency checks, so it does not flap when PostgreSQL or Redis does.
 */
public final class GrpcServiceServer {

    private final List<BindableService> services = new ArrayList<>();
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private final List<HealthCheck> readiness = new ArrayList<>();

    private GrpcServiceServer() {
    }

    public static GrpcServiceServer builder() {
        return new GrpcServiceServer();
    }

    public GrpcServiceServer service(BindableService service) {
        services.add(service);
        return this;
    }

    public GrpcServiceServer intercept(ServerInterceptor interceptor) {
        interceptors.add(interceptor);
        return this;
    }

    public GrpcServiceServer readiness(HealthCheck check) {
        readiness.add(check);
        return this;
    }

    /** Starts both listeners from the root config; the returned service closes them and then the resources. */
    public RunningService start(Config root, List<AutoCloseable> resources) {
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        Server grpc = startGrpc(root.get("grpc"), handlers);
        try {
            HealthObserver health = healthObserver();
            WebServer http = HttpServers.builder(root.get("server"), HttpRouting.builder())
                    .addFeature(ObserveFeature.builder()
                            .addObserver(health)
                            .addObserver(MetricsObserver.create())
                            .build())
                    .build()
                    .start();
            Duration grace = root.get("grpc.shutdown-grace-period").as(Duration.class).orElse(Duration.ofSeconds(10));
            return new RunningService(http, new GrpcListener(grpc, handlers, grace), resources);
        } catch (RuntimeException e) {
            grpc.shutdownNow();
            handlers.shutdownNow();
            throw e;
        }
    }

    private Server startGrpc(Config grpcConfig, ExecutorService handlers) {
        String host = grpcConfig.get("host").asString().orElse("127.0.0.1");
        int port = grpcConfig.get("port").asInt()
                .orElseThrow(() -> new IllegalStateException("Missing required config: grpc.port"));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
                .executor(handlers)
                .maxInboundMessageSize(grpcConfig.get("max-message-bytes").asInt().orElse(64 * 1024))
                // Clients re-resolve the service's addresses when a connection ends, so an age spreads load to new pods.
                .maxConnectionAge(grpcConfig.get("max-connection-age").as(Duration.class)
                        .orElse(Duration.ofMinutes(2)).toMillis(), TimeUnit.MILLISECONDS)
                .maxConnectionAgeGrace(grpcConfig.get("max-connection-age-grace").as(Duration.class)
                        .orElse(Duration.ofSeconds(30)).toMillis(), TimeUnit.MILLISECONDS);
        dev.authgateway.support.grpc.GrpcTls.server(grpcConfig.get("tls")).ifPresent(builder::sslContext);
        List<ServerInterceptor> chain = new ArrayList<>(interceptors);
        chain.add(new GrpcServerTelemetry(grpcConfig.get("access-log").asBoolean().orElse(false)));
        services.forEach(service -> builder.addService(
                ServerInterceptors.intercept(service, chain.toArray(ServerInterceptor[]::new))));
        builder.addService(new ReadinessHealthService(readiness));
        try {
            return builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC could not listen on " + host + ":" + port, e);
        }
    }

    private HealthObserver healthObserver() {
        var health = HealthObserver.builder().details(true).useSystemServices(false);
        readiness.forEach(check -> health.addCheck(check, HealthCheckType.READINESS));
        return health.build();
    }
}
