package dev.authgateway.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.authgateway.gateway.audit.JsonAuditLog;
import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.AccountEmail;
import dev.authgateway.gateway.domain.AccountLifecycle;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.AttemptLimits;
import dev.authgateway.gateway.domain.SessionRevocations;
import dev.authgateway.gateway.graphql.GraphQlEndpoint;
import dev.authgateway.gateway.graphql.RefreshCookie;
import dev.authgateway.gateway.grpcclient.CacheReadRetry;
import dev.authgateway.gateway.grpcclient.GrpcAccountMailbox;
import dev.authgateway.gateway.grpcclient.GrpcLifecycleDirectory;
import dev.authgateway.gateway.grpcclient.GrpcPasskeyDirectory;
import dev.authgateway.gateway.grpcclient.GrpcSecondFactorDirectory;
import dev.authgateway.gateway.grpcclient.GrpcUserDirectory;
import dev.authgateway.gateway.jwt.AuthorizationServerMetadata;
import dev.authgateway.gateway.jwt.CachedAccessTokens;
import dev.authgateway.gateway.jwt.JwksEndpoint;
import dev.authgateway.gateway.jwt.JwtAccessTokens;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.gateway.jwt.PublicBaseUrl;
import dev.authgateway.gateway.jwt.SigningKey;
import dev.authgateway.gateway.ratelimit.AttemptPolicy;
import dev.authgateway.gateway.ratelimit.RedisAttemptLimits;
import dev.authgateway.gateway.sessions.RedisSessionRevocations;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.grpc.GrpcHealth;
import dev.authgateway.support.http.HttpServers;
import dev.authgateway.support.redis.RedisClients;
import dev.authgateway.support.server.HealthChecks;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.server.ServiceMain;
import io.grpc.ManagedChannel;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import org.redisson.api.RedissonClient;

/** graphql-gateway: GraphQL over HTTP in front of the cache-service and store-service. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServiceMain.run("graphql-gateway", Main::start);
    }

    public static RunningService start(Config root) {
        Config app = root.get("app");
        GatewaySettings settings = GatewaySettings.from(app);
        ManagedChannel store = GrpcChannels.open(app.get("store"));
        ManagedChannel cache = GrpcChannels.open(app.get("cache"), CacheReadRetry.serviceConfig());
        RedissonClient redisson = RedisClients.open(settings.redis());
        try {
            JwtSettings jwt = JwtSettings.from(app.get("jwt"));
            JsonAuditLog audit = new JsonAuditLog();
            audit.signingKeysLoaded(jwt.verificationKeys().stream().map(SigningKey::keyId).toList(),
                    jwt.activeKey().keyId());
            AccessTokens tokens = accessTokens(jwt, settings);
            AttemptLimits limits = attemptLimits(redisson, app, settings);
            SessionRevocations revocations = revocations(redisson, settings, jwt);
            GrpcUserDirectory users = new GrpcUserDirectory(
                    store, settings.storeDeadline(), settings.credentialDeadline(),
                    cache, settings.cacheDeadline(), settings.cacheWriteDeadline(), settings.cacheHedgeAfter(),
                    GrpcUserDirectory.cacheReadBreaker(app.get("cache.breaker")));
            Accounts accounts = new Accounts(users, tokens,
                    limits, audit, revocations, Clock.systemUTC(),
                    new AccountEmail(new GrpcAccountMailbox(store, settings.storeDeadline(),
                            settings.credentialDeadline()), revocations, limits, audit,
                            settings.requireVerifiedEmail()),
                    new GrpcSecondFactorDirectory(store, settings.storeDeadline()),
                    new GrpcPasskeyDirectory(store, settings.storeDeadline()))
                    .withLifecycle(new AccountLifecycle(new GrpcLifecycleDirectory(store, settings.storeDeadline(),
                            settings.credentialDeadline(), cache, settings.cacheWriteDeadline()), revocations,
                            limits, audit, Clock.systemUTC()));
            HttpRouting.Builder routing = HttpRouting.builder();
            routing(routing, accounts, tokens, jwt, app);
            WebServer server = HttpServers.builder(root.get("server"), routing)
                    .directHandlers(SecurityHeaders.directHandlers(tls(root.get("server.tls")),
                            HttpServers.typedErrorAnswers()))
                    .addFeature(observe(store, cache))
                    .build()
                    .start();
            return new RunningService(server, List.of(redisson::shutdown,
                    () -> GrpcChannels.close(cache), () -> GrpcChannels.close(store)));
        } catch (RuntimeException e) {
            redisson.shutdown();
            GrpcChannels.close(cache);
            GrpcChannels.close(store);
            throw e;
        }
    }

    public static void routing(HttpRouting.Builder routing, Accounts accounts, AccessTokens tokens,
                               JwtSettings jwt, Config app) {
        RefreshCookie refreshCookie = RefreshCookie.from(app);
        routing.addFilter(new SecurityHeaders())
                .addFilter(new HttpTelemetry())
                .register("/graphql", CorsPolicy.from(app.get("cors"), refreshCookie.enabled()),
                        GraphQlEndpoint.create(accounts, tokens, app.get("graphql")).refreshCookie(refreshCookie))
                .register("/.well-known", new JwksEndpoint(jwt))
                .error(Throwable.class, new InternalErrors());
        PublicBaseUrl.from(app.get("public-base-url")).ifPresent(base ->
                routing.register("/.well-known", new AuthorizationServerMetadata(base, jwt)));
        GraphiqlPage.register(routing, app.get("graphiql"));
    }

    /** Whether Helidon's server.tls is configured (and not switched off), as GatewayTlsIT runs the gateway. */
    private static boolean tls(Config serverTls) {
        return serverTls.exists() && serverTls.get("enabled").asBoolean().orElse(true);
    }

    /** Failed logins and signups are counted in Redis, shared by every replica, unless app.attempt-limits.enabled is false. */
    private static AttemptLimits attemptLimits(RedissonClient redisson, Config app, GatewaySettings settings) {
        return settings.attemptLimitsEnabled()
                ? new RedisAttemptLimits(redisson, settings.redis().keyPrefix(),
                        AttemptPolicy.from(app.get("attempt-limits")))
                : AttemptLimits.NONE;
    }

    private static SessionRevocations revocations(RedissonClient redisson, GatewaySettings settings,
                                                  JwtSettings jwt) {
        return new RedisSessionRevocations(redisson, settings.redis().keyPrefix(),
                jwt.ttl().plus(jwt.clockSkew()), settings.revocationRecheck());
    }

    /** Verified tokens are remembered until they expire, unless app.jwt.verified-cache-size is 0. */
    private static AccessTokens accessTokens(JwtSettings jwt, GatewaySettings settings) {
        JwtAccessTokens tokens = new JwtAccessTokens(jwt, Clock.systemUTC());
        long cacheSize = settings.verifiedCacheSize();
        return cacheSize > 0 ? new CachedAccessTokens(tokens, Clock.systemUTC(), cacheSize) : tokens;
    }

    /** Health and metrics on the management socket only; the API port answers 404 for /observe. */
    private static ObserveFeature observe(ManagedChannel store, ManagedChannel cache) {
        CallDeadline probe = new CallDeadline(Duration.ofSeconds(1));
        return ObserveFeature.builder()
                .sockets(List.of(HttpServers.MANAGEMENT_SOCKET))
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .useSystemServices(false)
                        .addCheck(HealthChecks.readiness("store-service", () -> GrpcHealth.serving(store, probe)),
                                HealthCheckType.READINESS)
                        // Profile reads fall back to the store while the cache-service is away (HedgedUserRead).
                        .addCheck(HealthChecks.optional("cache-service", () -> GrpcHealth.serving(cache, probe)),
                                HealthCheckType.READINESS)
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }
}
