package dev.authgateway.store.mybatis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.domain.LoginForms;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Version 3 on a database that has users from before it: they can still log in, collisions are settled. */
class CanonicalLoginsMigrationIT {

    private TestDatabase database;

    @BeforeEach
    void createAtVersionTwo() {
        database = TestDatabase.create();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .target("2").load().migrate();
    }

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void givenExistingUsers_thenTheirCanonicalFormsAreFilledAndTheyAreFoundByEverySpelling() throws Exception {
        UUID ada = insertOld("Ada_Lovelace", "Ada@Example.COM", Instant.parse("2026-01-01T00:00:00Z"));
        UUID jose = insertOld("jose", "Jose\u0301@example.com", Instant.parse("2026-01-02T00:00:00Z"));

        try (HikariDataSource dataSource = migrate()) {
            MyBatisUserRepository repository = MyBatisUserRepository.on(dataSource);

            assertThat(repository.findCredentials(LoginForms.login("ADA_LOVELACE"))).get()
                    .extracting(found -> found.user().id()).isEqualTo(ada);
            assertThat(repository.findCredentials(LoginForms.login("ada@example.com"))).get()
                    .extracting(found -> found.user().id()).isEqualTo(ada);
            assertThat(repository.findCredentials(LoginForms.login("JOS\u00c9@EXAMPLE.COM"))).get()
                    .extracting(found -> found.user().id()).isEqualTo(jose);
        }
        assertThat(column("username_canonical", ada)).isEqualTo("ada_lovelace");
    }

    @Test
    void givenTwoExistingUsersThatCollideUnderTheCanonicalForm_thenTheOlderKeepsItAndTheNewerIsRecorded()
            throws Exception {
        UUID older = insertOld("rene", "Ren\u00e9@example.com", Instant.parse("2026-01-01T00:00:00Z"));
        UUID newer = insertOld("rene2", "rene\u0301@example.com", Instant.parse("2026-02-01T00:00:00Z"));

        try (HikariDataSource dataSource = migrate()) {
            MyBatisUserRepository repository = MyBatisUserRepository.on(dataSource);

            assertThat(repository.findCredentials(LoginForms.login("ren\u00e9@example.com"))).get()
                    .extracting(found -> found.user().id()).isEqualTo(older);
            assertThat(repository.findCredentials(LoginForms.login("rene2"))).get()
                    .extracting(found -> found.user().id()).isEqualTo(newer);
        }
        assertThat(column("email_canonical", newer)).isNull();
        assertThat(collisions()).containsExactly(newer + " email " + older);
    }

    private HikariDataSource migrate() {
        return Database.open(ApplicationYaml.with(database.config()).get("app.db"));
    }

    private UUID insertOld(String username, String email, Instant createdAt) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (id, username, email, password_hash, display_name, created_at, updated_at, version)"
                        + " VALUES (?, ?, ?, 'hash', 'Old', ?, ?, 1)")) {
            insert.setObject(1, id);
            insert.setString(2, username);
            insert.setString(3, email);
            insert.setTimestamp(4, Timestamp.from(createdAt));
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
        return id;
    }

    private String column(String name, UUID id) throws SQLException {
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT " + name + " FROM users WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private List<String> collisions() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(
                "SELECT user_id, field, kept_user_id FROM canonical_login_collisions")) {
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
            }
        }
        return found;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
