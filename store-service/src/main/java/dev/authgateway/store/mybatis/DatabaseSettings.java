package dev.authgateway.store.mybatis;

import java.time.Duration;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/** The {@code app.db} keys; defaults in application.yaml. The password is never printed. */
public record DatabaseSettings(String url, String username, String password, int poolSize,
                               Duration connectionTimeout, int socketTimeoutSeconds) {

    public static DatabaseSettings from(Config db) {
        return new DatabaseSettings(
                Required.string(db.get("url")),
                Required.string(db.get("username")),
                Required.string(db.get("password")),
                Required.integer(db.get("pool-size")),
                Required.duration(db.get("connection-timeout")),
                Required.integer(db.get("socket-timeout-seconds")));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
