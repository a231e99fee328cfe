package dev.authgateway.gateway.storeclient;

import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;

/** Asks a gRPC service's grpc.health.v1.Health whether it is serving. */
public final class ServiceHealth {

    private ServiceHealth() {
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
