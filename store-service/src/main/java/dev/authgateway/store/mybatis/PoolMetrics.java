package dev.authgateway.store.mybatis;

import java.util.List;
import java.util.function.ToIntFunction;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;

/** The connection pool as {@code db_pool_connections{state=active|idle|pending}}: pending > 0 means waiting for PostgreSQL. */
public final class PoolMetrics {

    private PoolMetrics() {
    }

    public static void register(HikariDataSource dataSource) {
        gauge(dataSource, "active", HikariPoolMXBean::getActiveConnections);
        gauge(dataSource, "idle", HikariPoolMXBean::getIdleConnections);
        gauge(dataSource, "pending", HikariPoolMXBean::getThreadsAwaitingConnection);
    }

    private static void gauge(HikariDataSource dataSource, String state, ToIntFunction<HikariPoolMXBean> reading) {
        Metrics.globalRegistry().getOrCreate(Gauge.builder("db.pool.connections", () -> {
            HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
            return pool == null ? 0 : reading.applyAsInt(pool);
        }).description("PostgreSQL connections by state").tags(List.of(Tag.create("state", state))));
    }
}
