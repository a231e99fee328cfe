package dev.authgateway.support.server;

import java.util.List;

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.StreamObserver;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse.Status;

/**
 * The standard {@code grpc.health.v1.Health} service, answering from the same readiness checks as
 * {@code /observe/health/ready}, so gRPC clients (the gateway, Kubernetes gRPC probes) see what HTTP sees.
 */
final class ReadinessHealthService extends HealthGrpc.HealthImplBase {

    private final List<HealthCheck> readiness;

    ReadinessHealthService(List<HealthCheck> readiness) {
        this.readiness = List.copyOf(readiness);
    }

    @Override
    public void check(HealthCheckRequest request, StreamObserver<HealthCheckResponse> response) {
        boolean ready = readiness.stream().allMatch(check -> check.call().status() == Status.UP);
        response.onNext(HealthCheckResponse.newBuilder()
                .setStatus(ready ? ServingStatus.SERVING : ServingStatus.NOT_SERVING)
                .build());
        response.onCompleted();
    }
}
