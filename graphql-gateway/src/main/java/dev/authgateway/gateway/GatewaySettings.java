package dev.authgateway.gateway;

import java.time.Duration;

import dev.authgateway.support.config.Required;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannelSettings;
import dev.authgateway.support.redis.RedisSettings;
import io.helidon.config.Config;

/**
 * The gateway's wiring keys under {@code app}, read once at start-up; every default is in application.yaml and a
 * missing key stops start-up naming it. Each adapter reads its own node through its own record: {@code JwtSettings}
 * ({@code app.jwt}), {@code AttemptPolicy} ({@code app.attempt-limits}), the GraphQL limits ({@code app.graphql}),
 * {@link CorsPolicy} ({@code app.cors}), {@link GraphiqlPage} ({@code app.graphiql}).
 */
record GatewaySettings(GrpcChannelSettings store, CallDeadline storeDeadline, CallDeadline credentialDeadline,
                       GrpcChannelSettings cache, CallDeadline cacheDeadline, CallDeadline cacheWriteDeadline,
                       Duration cacheHedgeAfter,
                       RedisSettings redis,
                       boolean attemptLimitsEnabled, Duration revocationRecheck, long verifiedCacheSize,
                       boolean requireVerifiedEmail) {

    static GatewaySettings from(Config app) {
        return new GatewaySettings(
                GrpcChannelSettings.from(app.get("store")),
                CallDeadline.from(app.get("store")),
                CallDeadline.from(app.get("store"), "credential-deadline"),
                GrpcChannelSettings.from(app.get("cache")),
                CallDeadline.from(app.get("cache")),
                CallDeadline.from(app.get("cache"), "write-deadline"),
                Required.duration(app.get("cache.hedge-after")),
                RedisSettings.from(app.get("redis")),
                Required.bool(app.get("attempt-limits.enabled")),
                Required.duration(app.get("sessions.revocation-recheck")),
                Required.longValue(app.get("jwt.verified-cache-size")),
                Required.bool(app.get("accounts.require-verified-email")));
    }
}
