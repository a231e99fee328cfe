package dev.authgateway.gateway.grpcclient;

import java.util.List;
import java.util.Map;

import dev.authgateway.proto.user.v1.UserCacheGrpc;

/**
 * The cache-service channel's gRPC service config: {@code UserCache.GetUser} answered UNAVAILABLE (a replica draining
 * or restarting, a connection refused) is tried once more, on the next address round-robin picks, within the same
 * deadline. Only the read: a write that failed may have been saved, and its caller decides.
 *
 * <p>Retries have a budget (gRPC retry throttling): each failed attempt spends a token, each success earns a tenth of
 * one, and no retry is made while half the tokens are spent. When the cache-service fails more than about one call in
 * ten, retries stop within a few calls instead of doubling the load on it; they resume as successes refill the
 * budget.
 */
public final class CacheReadRetry {

    static final int MAX_ATTEMPTS = 2;
    static final int RETRY_TOKENS = 10;
    static final double TOKENS_PER_SUCCESS = 0.1;

    private CacheReadRetry() {
    }

    /** For {@code GrpcChannels.open}; numbers are doubles and durations strings, as grpc-java's JSON parser gives. */
    public static Map<String, ?> serviceConfig() {
        return Map.of("retryThrottling", Map.of(
                        "maxTokens", (double) RETRY_TOKENS,
                        "tokenRatio", TOKENS_PER_SUCCESS),
                "methodConfig", List.of(Map.of(
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
