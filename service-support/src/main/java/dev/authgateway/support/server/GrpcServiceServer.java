package dev.authgateway.support.server;

import java.util.ArrayList;
import java.util.List;

import io.grpc.BindableService;
import io.grpc.ServerInterceptor;
import io.helidon.config.Config;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.grpc.GrpcRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

/**
 * One Helidon WebServer for a gRPC service: its gRPC services and {@code grpc.health.v1.Health} over HTTP/2,
 * and {@code /observe/health/{live,ready}} plus {@code /observe/metrics} over HTTP, all on one port.
 * Liveness has no dependency checks, so it does not flap when PostgreSQL or Redis does.
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

    /** Starts on {@code server.port} (0 picks a free port) of the given root config. */
    public WebServer start(Config root) {
        GrpcRouting.Builder grpc = GrpcRouting.builder();
        services.forEach(grpc::service);
        grpc.service(new ReadinessHealthService(readiness));
        interceptors.forEach(grpc::intercept);

        var health = HealthObserver.builder().details(true).useSystemServices(false);
        readiness.forEach(check -> health.addCheck(check, HealthCheckType.READINESS));

        return WebServer.builder()
                .config(root.get("server"))
                .addFeature(ObserveFeature.builder()
                        .addObserver(health.build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .addRouting(grpc)
                .build()
                .start();
    }
}
