package dev.authgateway.systemtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.authgateway.testing.DevCertificates;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestDatabase;
import dev.authgateway.testing.TestMail;
import dev.authgateway.testing.TestRedis;

/**
 * The whole system as separate processes on loopback: store-service on a fresh PostgreSQL database,
 * cache-service on its own Redis key prefix, and the gateway signing with a key this test knows; the store sends its
 * mail to an SMTP server of the stack's own ({@link TestMail}, GreenMail), where tests read it.
 */
public record Stack(TestDatabase database, TestRedis redis, SigningKey signingKey,
                    ServiceProcess store, ServiceProcess cache, ServiceProcess gateway,
                    Map<String, String> gatewayConfig, GrpcEndpoints grpc,
                    AtomicReference<ServiceProcess> secondGateway, TestMail mail) implements AutoCloseable {

    public static final String ISSUER = "authgateway-system-test";
    public static final String AUDIENCE = "authgateway-api";
    public static final String ALLOWED_ORIGIN = "http://frontend.test:3000";

    public static Stack start() throws Exception {
        return start(TestRedis.create());
    }

    /** The stack on a Redis of the caller's choosing; the stack removes the prefix's keys when it closes. */
    public static Stack start(TestRedis redis) throws Exception {
        return start(redis, TestDatabase.create());
    }

    /** The stack on a database and Redis of the caller's choosing; it drops the database when it closes. */
    public static Stack start(TestRedis redis, TestDatabase database) throws Exception {
        Path keys = Files.createTempDirectory("authgw-keys");
        SigningKey signingKey = SigningKey.generate("system-test-key", keys);
        DevCertificates certs = DevCertificates.make(keys.resolve("certs"));

        TestMail mail = TestMail.start();
        int storeGrpcPort = FreePort.next();
        Map<String, String> storeConfig = new HashMap<>(database.config());
        storeConfig.putAll(mail.config());
        storeConfig.put("grpc.port", String.valueOf(storeGrpcPort));
        storeConfig.put("grpc.access-log", "true");
        storeConfig.putAll(certs.server("grpc.tls", "store-service"));
        storeConfig.put("app.second-factor.encryption.keys", "system-test:" + randomAesKey());
        ServiceProcess store = ServiceProcess.start("store-service", FreePort.next(), storeConfig);

        int cacheGrpcPort = FreePort.next();
        Map<String, String> cacheConfig = new HashMap<>(redis.config());
        cacheConfig.put("grpc.port", String.valueOf(cacheGrpcPort));
        cacheConfig.put("grpc.access-log", "true");
        cacheConfig.put("app.store.port", String.valueOf(storeGrpcPort));
        cacheConfig.putAll(certs.server("grpc.tls", "cache-service"));
        cacheConfig.putAll(certs.client("app.store.tls", "cache-service"));
        ServiceProcess cache = ServiceProcess.start("cache-service", FreePort.next(), cacheConfig);

        Map<String, String> gatewayConfig = new HashMap<>();
        gatewayConfig.put("app.store.port", String.valueOf(storeGrpcPort));
        gatewayConfig.put("app.cache.port", String.valueOf(cacheGrpcPort));
        gatewayConfig.put("app.redis.address", redis.address());
        // The gateway's keys apart from the cache-service's, as in application.yaml; still inside the test's prefix,
        // so closing the stack removes both.
        gatewayConfig.put("app.redis.key-prefix", redis.keyPrefix() + "gateway:");
        gatewayConfig.put("app.attempt-limits.signups-per-address", "100000");
        gatewayConfig.put("app.cors.allowed-origins", ALLOWED_ORIGIN);
        gatewayConfig.put("app.jwt.private-key-file", signingKey.pemFile().toString());
        gatewayConfig.put("app.jwt.key-id", signingKey.keyId());
        gatewayConfig.put("app.jwt.issuer", ISSUER);
        gatewayConfig.put("app.jwt.audience", AUDIENCE);
        gatewayConfig.putAll(certs.client("app.store.tls", "graphql-gateway"));
        gatewayConfig.putAll(certs.client("app.cache.tls", "graphql-gateway"));
        ServiceProcess gateway = ServiceProcess.start("graphql-gateway", FreePort.next(), gatewayConfig);
        return new Stack(database, redis, signingKey, store, cache, gateway, gatewayConfig,
                new GrpcEndpoints(storeGrpcPort, cacheGrpcPort, certs), new AtomicReference<>(), mail);
    }

    /** A fresh AES-256 key for the store's second-factor secrets, base64 (never written anywhere). */
    private static String randomAesKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** Where the gRPC services listen (mutual TLS) and the dev certificates they use. */
    public record GrpcEndpoints(int storePort, int cachePort, DevCertificates certificates) {
    }

    public GraphQlClient graphql() {
        return new GraphQlClient(gateway.baseUrl());
    }

    /** Another gateway on the same services, Redis and issuer, with other jwt settings; the caller closes it. */
    public ServiceProcess startGateway(Map<String, String> jwtOverrides) throws java.io.IOException {
        Map<String, String> config = new HashMap<>(jwtOverrides);
        config.put("app.jwt.private-key-file", "");
        config.put("app.jwt.key-id", "");
        return startGatewayWith(config);
    }

    /** Another gateway with this stack's settings plus the given ones; the caller closes it. */
    public ServiceProcess startGatewayWith(Map<String, String> extra) throws java.io.IOException {
        Map<String, String> config = new HashMap<>(gatewayConfig);
        config.putAll(extra);
        return ServiceProcess.start("graphql-gateway", FreePort.next(), config);
    }

    /**
     * Another gateway whose attempt counters (and ended sessions) live under a key prefix of their own inside this
     * stack's, so a test that fails many logins from 127.0.0.1 does not use up the address allowance of the others.
     * The caller closes it; the stack's Redis prefix, and so these keys, are removed when the stack closes.
     */
    public ServiceProcess startGatewayWithOwnCounters(String name) throws java.io.IOException {
        return startGatewayWithOwnCounters(name, Map.of());
    }

    /** A gateway with attempt counters of its own, as above, and the given settings besides; the caller closes it. */
    public ServiceProcess startGatewayWithOwnCounters(String name, Map<String, String> extra)
            throws java.io.IOException {
        Map<String, String> config = new HashMap<>(extra);
        config.put("app.redis.key-prefix", gatewayConfig.get("app.redis.key-prefix") + name + ":");
        return startGatewayWith(config);
    }

    /** A second gateway replica with the same configuration (same Redis, same signing key), started on first use. */
    public synchronized GraphQlClient secondGraphql() throws java.io.IOException {
        if (secondGateway.get() == null) {
            secondGateway.set(ServiceProcess.start("graphql-gateway", FreePort.next(), gatewayConfig));
        }
        return new GraphQlClient(secondGateway.get().baseUrl());
    }

    public String gatewayUrl() {
        return gateway.baseUrl();
    }

    /** The gateway's API port (HTTP) and its management port (/observe), for raw-socket tests. */
    public int gatewayPort() {
        return gateway.port();
    }

    public int gatewayManagementPort() {
        return gateway.managementPort();
    }

    /** The management (HTTP, /observe) ports of the store-service and the cache-service, in that order. */
    public List<Integer> grpcServiceManagementPorts() {
        return List.of(store.managementPort(), cache.managementPort());
    }

    /** The gateway's process id, to read its heap from outside. */
    public long gatewayPid() {
        return gateway.pid();
    }

    /** The last lines the (first) gateway has logged. */
    public String gatewayLogTail() {
        return gateway.logTail();
    }

    /** Everything the (first) gateway has logged so far. */
    public String gatewayLog() throws java.io.IOException {
        return Files.readString(gateway.logFile());
    }

    /** Everything the store-service has logged so far (every gRPC call: the stack turns the access log on). */
    public String storeLog() throws java.io.IOException {
        return Files.readString(store.logFile());
    }

    /** Everything the cache-service has logged so far. */
    public String cacheLog() throws java.io.IOException {
        return Files.readString(cache.logFile());
    }

    /** The log files of the (first) gateway, the store-service and the cache-service, in that order. */
    public List<Path> logFiles() {
        return List.of(gateway.logFile(), store.logFile(), cache.logFile());
    }

    /** The store-service's readiness and liveness endpoints, in that order. */
    public List<String> storeHealthUrls() {
        return List.of(store.managementUrl() + "/observe/health/ready", store.managementUrl() + "/observe/health/live");
    }

    /** The Prometheus metrics of the gateway, the store-service and the cache-service, in that order. */
    public List<String> metricsUrls() {
        return List.of(gateway.managementUrl() + "/observe/metrics", store.managementUrl() + "/observe/metrics",
                cache.managementUrl() + "/observe/metrics");
    }

    public List<String> redisKeys() {
        return redis.keys();
    }

    public long countUsers(String whereClause, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
             var statement = connection.prepareStatement("SELECT count(*) FROM users WHERE " + whereClause)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Runs one SQL statement on the stack's database (to age a token, say). */
    public void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Rows of one of the store's tables that match, e.g. {@code countRows("sessions", "user_id = ?::uuid", id)}. */
    public long countRows(String table, String whereClause, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
             var statement = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + whereClause)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Runs one statement on the store's database (a test moving time on, e.g. expiring a challenge). */
    public int updateDatabase(String statement, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
             var update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    @Override
    public void close() throws Exception {
        if (secondGateway.get() != null) {
            secondGateway.get().close();
        }
        gateway.close();
        cache.close();
        store.close();
        mail.close();
        redis.close();
        database.close();
        Files.deleteIfExists(signingKey.pemFile());
    }
}
