package dev.authgateway.store.mybatis;

import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.domain.CanonicalLogin;
import dev.authgateway.store.domain.DuplicateUserException;
import dev.authgateway.store.domain.FieldViolation;
import dev.authgateway.store.domain.InvalidInputException;
import dev.authgateway.store.domain.LoginForms;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.User;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MyBatisUserRepositoryIT {

    private static TestDatabase database;
    private static HikariDataSource dataSource;
    private static MyBatisUserRepository repository;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        dataSource = Database.open(ApplicationYaml.with(database.config()).get("app.db"));
        repository = MyBatisUserRepository.on(dataSource);
    }

    @AfterAll
    static void drop() {
        dataSource.close();
        database.close();
    }

    @Test
    void givenAnInsertedUser_thenItIsFoundByIdAndByEitherLoginInAnyCase() {
        User inserted = insert("Ada_Lovelace", "Ada@Example.com");

        assertThat(repository.findById(inserted.id())).contains(inserted);
        assertThat(repository.findCredentials(LoginForms.login("ada_lovelace"))).get()
                .satisfies(found -> {
                    assertThat(found.user()).isEqualTo(inserted);
                    assertThat(found.passwordHash()).isEqualTo("hash-of-Ada_Lovelace");
                });
        assertThat(repository.findCredentials(LoginForms.login("ADA@EXAMPLE.COM"))).get()
                .extracting(found -> found.user().id()).isEqualTo(inserted.id());
        assertThat(repository.findById(UUID.randomUUID())).isEmpty();
        assertThat(repository.findCredentials(LoginForms.login("nobody"))).isEmpty();
    }

    @Test
    void givenAValuePostgresqlCannotTake_thenInvalidInputNotAnUnexpectedFailure() {
        User inserted = insert("Nul_Tester", "nul@example.com");

        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> repository.findCredentials(new CanonicalLogin(false, "some\u0000one"))).violations())
                .extracting(FieldViolation::field).containsExactly("input");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> repository.updateDisplayName(inserted.id(), "New\u0000name"))).isNotNull();
        assertThat(repository.findById(inserted.id())).contains(inserted);
    }

    @Test
    void givenATakenUsernameInOtherCase_thenDuplicateOnUsername() {
        insert("Grace", "grace@example.com");

        DuplicateUserException error = catchThrowableOfType(DuplicateUserException.class,
                () -> insert("GRACE", "other-grace@example.com"));

        assertThat(error.field()).isEqualTo("username");
        assertThat(repository.findCredentials(LoginForms.login("other-grace@example.com"))).isEmpty();
    }

    @Test
    void givenATakenEmailInOtherCase_thenDuplicateOnEmail() {
        insert("linus", "linus@example.com");

        DuplicateUserException error = catchThrowableOfType(DuplicateUserException.class,
                () -> insert("linus2", "LINUS@example.com"));

        assertThat(error.field()).isEqualTo("email");
    }

    @Test
    void givenAnUpdate_thenTheNameChangesAndTheVersionGrows() {
        User inserted = insert("barbara", "barbara@example.com");

        User updated = repository.updateDisplayName(inserted.id(), "Barbara Liskov").orElseThrow();

        assertThat(updated.displayName()).isEqualTo("Barbara Liskov");
        assertThat(updated.version()).isEqualTo(inserted.version() + 1);
        assertThat(updated.createdAt()).isEqualTo(inserted.createdAt());
        assertThat(repository.findById(inserted.id())).contains(updated);
        assertThat(repository.updateDisplayName(UUID.randomUUID(), "Nobody")).isEmpty();
    }

    private static User insert(String username, String email) {
        return repository.insert(UUID.randomUUID(),
                new SignUp(username, email, "correct horse battery", "Display " + username), "hash-of-" + username);
    }
}
