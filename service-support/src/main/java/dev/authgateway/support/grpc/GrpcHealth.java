package dev.authgateway.support.grpc;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/** Asks a gRPC service's {@code grpc.health.v1.Health} whether it is serving; for readiness checks of callers. */
public final class GrpcHealth {

    private GrpcHealth() {
    }

    public static boolean serving(Channel channel, CallDeadline deadline) {
        try {
            return deadline.on(HealthGrpc.newBlockingStub(channel)).check(HealthCheckRequest.getDefaultInstance())
                    .getStatus() == ServingStatus.SERVING;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }
}
