package dev.authgateway.store.domain;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.hashing.Argon2PasswordHasher;
import dev.authgateway.store.hashing.HashParameters;
import dev.authgateway.store.mybatis.Database;
import dev.authgateway.store.mybatis.MyBatisUserRepository;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raising the hash parameters upgrades each user's stored hash at their next successful login, and only then. */
class HashUpgradeIT {

    private TestDatabase database;
    private HikariDataSource dataSource;
    private MyBatisUserRepository repository;

    @BeforeEach
    void migrate() {
        database = TestDatabase.create();
        dataSource = Database.open(ApplicationYaml.with(database.config()).get("app.db"));
        repository = MyBatisUserRepository.on(dataSource);
    }

    @AfterEach
    void drop() {
        dataSource.close();
        database.close();
    }

    @Test
    void givenAHashMadeWithOlderParameters_thenTheNextSuccessfulLoginRemakesIt() {
        var before = new UserAccounts(repository, new Argon2PasswordHasher(new HashParameters(4096, 1, 1)));
        var after = new UserAccounts(repository, new Argon2PasswordHasher(new HashParameters(19456, 2, 1)));
        User ada = before.create(new SignUp("ada", "ada@example.com", "correct horse battery", "Ada"));
        assertThat(storedHash()).contains("m=4096,t=1,p=1");

        assertThatThrownBy(() -> after.verifyCredentials("ada", "wrong password!")).isInstanceOf(
                InvalidCredentialsException.class);
        assertThat(storedHash()).as("a failed login changes nothing").contains("m=4096,t=1,p=1");

        assertThat(after.verifyCredentials("ada", "correct horse battery").id()).isEqualTo(ada.id());
        assertThat(storedHash()).contains("m=19456,t=2,p=1");
        assertThat(after.verifyCredentials("ADA", "correct horse battery").id()).isEqualTo(ada.id());
    }

    private String storedHash() {
        return repository.findCredentials(LoginForms.login("ada")).orElseThrow().passwordHash();
    }
}
