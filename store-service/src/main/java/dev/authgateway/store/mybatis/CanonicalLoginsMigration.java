package dev.authgateway.store.mybatis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import dev.authgateway.store.domain.LoginForms;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 3: usernames and emails get canonical columns, filled by {@link LoginForms} (the form signup and login
 * use), and the unique indexes move from lower() to them. In Java because PostgreSQL's lower() is not that form
 * (it turns U+0130 into "i" but knows no width mapping, and depends on the database's locale).
 *
 * <p>Two existing rows that collide under the canonical form: the older (created_at, then id) keeps the value, the
 * newer's column stays NULL (it can no longer log in with that field, the other still works), and the pair is
 * recorded in {@code canonical_login_collisions} and logged with ids only.
 */
final class CanonicalLoginsMigration implements JavaMigration {

    static final String USERNAME_INDEX = "users_username_canonical_key";
    static final String EMAIL_INDEX = "users_email_canonical_key";
    private static final Logger LOG = Logger.getLogger(CanonicalLoginsMigration.class.getName());
    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "canonical logins";
    }

    @Override
    public Integer getChecksum() {
        return 3;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE users ADD COLUMN username_canonical text, ADD COLUMN email_canonical text");
            ddl.execute("""
                    CREATE TABLE canonical_login_collisions (
                        user_id      uuid        NOT NULL,
                        field        text        NOT NULL,
                        kept_user_id uuid        NOT NULL,
                        found_at     timestamptz NOT NULL DEFAULT now()
                    )""");
        }
        backfill(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP INDEX users_username_lower_key");
            ddl.execute("DROP INDEX users_email_lower_key");
            ddl.execute("CREATE UNIQUE INDEX " + USERNAME_INDEX + " ON users (username_canonical)");
            ddl.execute("CREATE UNIQUE INDEX " + EMAIL_INDEX + " ON users (email_canonical)");
        }
    }

    private static void backfill(Connection connection) throws SQLException {
        Map<String, UUID> usernames = new HashMap<>();
        Map<String, UUID> emails = new HashMap<>();
        int pending = 0;
        try (Statement read = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE users SET username_canonical = ?, email_canonical = ? WHERE id = ?");
             PreparedStatement collision = connection.prepareStatement(
                     "INSERT INTO canonical_login_collisions (user_id, field, kept_user_id) VALUES (?, ?, ?)")) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("SELECT id, username, email FROM users ORDER BY created_at, id")) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    String username = claim(usernames, canonicalUsername(rows.getString("username")), id,
                            "username", collision);
                    String email = claim(emails, LoginForms.email(rows.getString("email").strip()), id,
                            "email", collision);
                    update.setString(1, username);
                    update.setString(2, email);
                    update.setObject(3, id);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
            collision.executeBatch();
        }
    }

    /** Usernames were ASCII-only before this version; a row that is not still gets a stable lower-case form. */
    private static String canonicalUsername(String username) {
        String typed = username.strip();
        return LoginForms.username(typed).orElseGet(() -> LoginForms.email(typed));
    }

    private static String claim(Map<String, UUID> taken, String canonical, UUID id, String field,
                                PreparedStatement collision) throws SQLException {
        UUID holder = taken.putIfAbsent(canonical, id);
        if (holder == null) {
            return canonical;
        }
        LOG.warning("Canonical " + field + " collision: user " + id + " loses it to older user " + holder
                + " (recorded in canonical_login_collisions)");
        collision.setObject(1, id);
        collision.setString(2, field);
        collision.setObject(3, holder);
        collision.addBatch();
        return null;
    }
}
