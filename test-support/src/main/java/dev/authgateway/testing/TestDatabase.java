package dev.authgateway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run, on the server named by TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER and
 * TEST_PG_PASSWORD. {@link #close()} drops it; nothing else on the server is touched.
 */
public final class TestDatabase implements AutoCloseable {

    private final String host;
    private final String port;
    private final String user;
    private final String password;
    private final String name = "authgw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    private TestDatabase(String host, String port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** A new database on the PostgreSQL named by TEST_PG_HOST/PORT/USER/PASSWORD (default 127.0.0.1:5432, postgres). */
    public static TestDatabase create() {
        return createOn(new TestDatabase(env("TEST_PG_HOST", "127.0.0.1"), env("TEST_PG_PORT", "5432"),
                env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", "")));
    }

    /** A new database on a test's own PostgreSQL (trust auth, user postgres). */
    public static TestDatabase createOn(String host, int port) {
        return createOn(new TestDatabase(host, String.valueOf(port), "postgres", ""));
    }

    private static TestDatabase createOn(TestDatabase database) {
        database.execute("CREATE DATABASE " + database.name);
        return database;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String username() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The store-service's app.db.* settings for this database. */
    public Map<String, String> config() {
        return Map.of("app.db.url", jdbcUrl(), "app.db.username", user, "app.db.password", password);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void execute(String sql) {
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused '" + sql + "': "
                    + e.getMessage() + " (set TEST_PG_HOST/PORT/USER/PASSWORD, or run ops/stack test)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
