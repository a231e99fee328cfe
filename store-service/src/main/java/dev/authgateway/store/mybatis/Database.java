package dev.authgateway.store.mybatis;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import org.flywaydb.core.Flyway;

/** The connection pool, migrated by Flyway before anything uses it. */
public final class Database {

    private Database() {
    }

    /** Opens the pool from {@code app.db} and applies the migrations; fails start-up if PostgreSQL is absent. */
    public static HikariDataSource open(Config db) {
        return open(DatabaseSettings.from(db));
    }

    public static HikariDataSource open(DatabaseSettings db) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("store");
        hikari.setJdbcUrl(db.url());
        hikari.setUsername(db.username());
        hikari.setPassword(db.password());
        hikari.setMaximumPoolSize(db.poolSize());
        hikari.setConnectionTimeout(db.connectionTimeout().toMillis());
        hikari.setValidationTimeout(1000);
        hikari.addDataSourceProperty("socketTimeout", db.socketTimeoutSeconds());
        hikari.addDataSourceProperty("connectTimeout", 2);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(dataSource)
                    .javaMigrations(new CanonicalLoginsMigration())
                    .load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    public static boolean reachable(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}
