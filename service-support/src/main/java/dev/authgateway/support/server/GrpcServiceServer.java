package dev.authgateway.support.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.authgateway.support.grpc.GrpcAdmission;
import dev.authgateway.support.http.HttpServers;
import dev.authgateway.support.observe.GrpcServerTelemetry;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.helidon.config.Config;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * A gRPC service's two listeners: a gRPC server for the gRPC services and {@code grpc.health.v1.Health}
 * (config {@code grpc.host}, {@code grpc.port}; {@code grpc.implementation}: {@code grpc-java}, the default, for
 * grpc-java's Netty server, or {@code helidon} for Helidon WebServer's gRPC, see {@link HelidonGrpcListener}), and a
 * Helidon WebServer for {@code /observe/health/{live,ready}} and {@code /observe/metrics} (config {@code server.*}, built by {@link HttpServers}). The HTTP listener is the
 * service's management port: it serves nothing else, the API is gRPC. Port 0 picks a free port.
 *
 * <p>grpc-java by default, not Helidon's own gRPC server: in 4.2.0 that could not send trailers carrying binary
 * metadata (so no {@code google.rpc} error details), garbled request metadata, and on a failed call logged the raw
 * request bytes, passwords included. Where 4.5.0 stands is the grpc-conformance module's server table.
 *
 * <p>Every call is traced and counted ({@link GrpcServerTelemetry}); {@code grpc.access-log: true} logs each one.
 *
 * <p>{@code grpc.max-connection-age} (then {@code max-connection-age-grace} for calls in flight; values in application.yaml)
 * closes each client connection in turn, so clients balancing over a headless Service find new replicas.
 *
 * <p>With grpc-java, handlers run on virtual threads, except the methods declared {@link #nonBlocking}: those run on
 * the transport's event loop, which saves a virtual thread and two thread hand-offs per call (issue 13). Such a method
 * must never block: it answers from a future, and hands anything that may block to an executor of its own.
 *
 * <p>Liveness has no dependency checks, so it does not flap when PostgreSQL or Redis does.
 */
public final class GrpcServiceServer {

    /** {@code grpc.implementation}: grpc-java's Netty server (the default). */
    public static final String GRPC_JAVA = "grpc-java";
    /** {@code grpc.implementation}: Helidon WebServer's gRPC ({@link HelidonGrpcListener} says what it lacks). */
    public static final String HELIDON = "helidon";

    private final List<BindableService> services = new ArrayList<>();
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private final List<HealthCheck> readiness = new ArrayList<>();
    private final Set<String> nonBlocking = new HashSet<>();

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

    /** Methods whose handler and interceptors never block, run on the transport thread (grpc-java only). */
    public GrpcServiceServer nonBlocking(MethodDescriptor<?, ?>... methods) {
        for (MethodDescriptor<?, ?> method : methods) {
            nonBlocking.add(method.getFullMethodName());
        }
        return this;
    }

    public GrpcServiceServer readiness(HealthCheck check) {
        readiness.add(check);
        return this;
    }

    /** Starts both listeners from the root config; the returned service closes them and then the resources. */
    public RunningService start(Config root, List<AutoCloseable> resources) {
        GrpcListener grpc = startGrpc(root.get("grpc"));
        try {
            HealthObserver health = healthObserver();
            WebServer http = HttpServers.builder(root.get("server"), HttpRouting.builder())
                    .addFeature(ObserveFeature.builder()
                            .addObserver(health)
                            .addObserver(MetricsObserver.create())
                            .build())
                    .build()
                    .start();
            return new RunningService(http, grpc, resources);
        } catch (RuntimeException e) {
            try {
                grpc.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    private GrpcListener startGrpc(Config grpcConfig) {
        List<ServerInterceptor> chain = new ArrayList<>(interceptors);
        GrpcListenerSettings settings = GrpcListenerSettings.from(grpcConfig);
        // grpc-java calls the last interceptor first: telemetry sees every call, the refused ones too.
        GrpcAdmission.from(grpcConfig.get("admission")).ifPresent(chain::add);
        chain.add(new GrpcServerTelemetry(settings.accessLog()));
        List<ServerServiceDefinition> definitions = new ArrayList<>();
        services.forEach(service -> definitions.add(
                ServerInterceptors.intercept(service, chain.toArray(ServerInterceptor[]::new))));
        definitions.add(new ReadinessHealthService(readiness).bindService());
        return switch (settings.implementation()) {
            case GRPC_JAVA -> GrpcJavaListener.start(grpcConfig, settings, definitions, Set.copyOf(nonBlocking));
            case HELIDON -> HelidonGrpcListener.start(grpcConfig, settings, definitions);
            default -> throw new IllegalStateException("grpc.implementation must be " + GRPC_JAVA + " or " + HELIDON
                    + ", not " + settings.implementation());
        };
    }

    private HealthObserver healthObserver() {
        var health = HealthObserver.builder().details(true).useSystemServices(false);
        readiness.forEach(check -> health.addCheck(check, HealthCheckType.READINESS));
        return health.build();
    }
}
