package dev.authgateway.gateway.grpcclient;

import java.util.List;
import java.util.Map;

import dev.authgateway.proto.user.v1.UserCacheGrpc;

/**
 * The cache-service channel's gRPC service config: {@code UserCache.GetUser} answered UNAVAILABLE (a replica draining
 * or restarting, a connection refused) is tried once more, on the next address round-robin picks, within the same
 * deadline. Only the read: a write that failed may have been saved, and its caller decides.
 */
public final class CacheReadRetry {

    static final int MAX_ATTEMPTS = 2;

    private CacheReadRetry() {
    }

    /** For {@code GrpcChannels.open}; numbers are doubles and durations strings, as grpc-java's JSON parser gives. */
    public static Map<String, ?> serviceConfig() {
        return Map.of("methodConfig", List.of(Map.of(
                "name", List.of(Map.of(
                        "service", UserCacheGrpc.SERVICE_NAME,
                        "method", UserCacheGrpc.getGetUserMethod().getBareMethodName())),
                "retryPolicy", Map.of(
                        "maxAttempts", (double) MAX_ATTEMPTS,
                        "initialBackoff", "0.05s",
                        "maxBackoff", "0.2s",
                        "backoffMultiplier", 2.0,
                        "retryableStatusCodes", List.of("UNAVAILABLE")))));
    }
}
