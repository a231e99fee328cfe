package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.domain.DuplicatePasskeyException;
import dev.authgateway.store.domain.PasskeyRepository;
import dev.authgateway.store.domain.PasskeyRepository.CeremonyKind;
import dev.authgateway.store.domain.PasskeyRepository.StoredPasskey;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.UserHandles;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MyBatisPasskeyRepositoryIT {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    private static TestDatabase database;
    private static HikariDataSource dataSource;
    private static MyBatisUserRepository users;
    private static PasskeyRepository passkeys;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        dataSource = Database.open(ApplicationYaml.with(database.config()).get("app.db"));
        users = MyBatisUserRepository.on(dataSource);
        passkeys = users.passkeys();
    }

    @AfterAll
    static void drop() {
        dataSource.close();
        database.close();
    }

    @Test
    void givenStoredPasskeys_thenListedOldestFirstAndFoundByCredentialIdWithEveryColumn() {
        UUID user = user();
        StoredPasskey first = passkey(user, "first", 1, NOW);
        StoredPasskey second = passkey(user, "second", 2, NOW.plusSeconds(1));
        passkeys.insert(second);
        passkeys.insert(first);

        assertThat(passkeys.ofUser(user)).extracting(StoredPasskey::name).containsExactly("first", "second");
        StoredPasskey found = passkeys.byCredentialId(first.credentialId()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(first);
        assertThat(found.transports()).containsExactly("internal", "hybrid");
        assertThat(passkeys.byCredentialId(new byte[] {9, 9, 9})).isEmpty();
        assertThat(passkeys.ofUser(user())).isEmpty();
    }

    @Test
    void givenACredentialIdAlreadyStored_thenDuplicatePasskeyEvenForAnotherUser() {
        StoredPasskey stored = passkey(user(), "mine", 3, NOW);
        passkeys.insert(stored);
        StoredPasskey copy = new StoredPasskey(UUID.randomUUID(), user(), stored.credentialId(), stored.userHandle(),
                stored.publicKeyCose(), 0, List.of(), "copy", NOW, null);

        assertThat(catchThrowableOfType(DuplicatePasskeyException.class, () -> passkeys.insert(copy))).isNotNull();
    }

    @Test
    void givenUses_thenTheCounterMovesOnlyForward_orStaysAtZeroForAuthenticatorsWithoutOne() {
        StoredPasskey counting = passkey(user(), "counting", 4, NOW);
        passkeys.insert(counting);
        assertThat(passkeys.recordUse(counting.credentialId(), 5, NOW.plusSeconds(10))).isTrue();
        assertThat(passkeys.recordUse(counting.credentialId(), 5, NOW.plusSeconds(11))).as("same value").isFalse();
        assertThat(passkeys.recordUse(counting.credentialId(), 4, NOW.plusSeconds(12))).as("backwards").isFalse();
        StoredPasskey used = passkeys.byCredentialId(counting.credentialId()).orElseThrow();
        assertThat(used.signatureCount()).isEqualTo(5);
        assertThat(used.lastUsedAt()).isEqualTo(NOW.plusSeconds(10));

        StoredPasskey seeded = passkey(user(), "zero", 5, NOW);
        StoredPasskey zero = new StoredPasskey(seeded.id(), seeded.userId(), seeded.credentialId(),
                seeded.userHandle(), seeded.publicKeyCose(), 0, List.of(), "zero", NOW, null);
        passkeys.insert(zero);
        assertThat(passkeys.recordUse(zero.credentialId(), 0, NOW.plusSeconds(20))).isTrue();
        assertThat(passkeys.recordUse(zero.credentialId(), 0, NOW.plusSeconds(21))).isTrue();
    }

    @Test
    void givenAPasskey_thenOnlyItsOwnerRemovesIt() {
        UUID owner = user();
        StoredPasskey stored = passkey(owner, "removable", 6, NOW);
        passkeys.insert(stored);

        assertThat(passkeys.remove(user(), stored.id())).isFalse();
        assertThat(passkeys.remove(owner, stored.id())).isTrue();
        assertThat(passkeys.remove(owner, stored.id())).isFalse();
        assertThat(passkeys.byCredentialId(stored.credentialId())).isEmpty();
    }

    @Test
    void givenACeremony_thenTakenOnce_onlyOfItsKindAndUser_andNotAfterItExpires() {
        UUID user = user();
        byte[] registration = {1, 2, 3};
        passkeys.saveCeremony(registration, CeremonyKind.REGISTRATION, user, "{\"r\":1}", NOW, NOW.plusSeconds(300));

        assertThat(passkeys.takeCeremony(registration, CeremonyKind.LOGIN, null, NOW)).as("other kind").isEmpty();
        assertThat(passkeys.takeCeremony(registration, CeremonyKind.REGISTRATION, user(), NOW)).as("other user")
                .isEmpty();
        assertThat(passkeys.takeCeremony(registration, CeremonyKind.REGISTRATION, user, NOW)).get()
                .isEqualTo(new PasskeyRepository.Ceremony(user, "{\"r\":1}"));
        assertThat(passkeys.takeCeremony(registration, CeremonyKind.REGISTRATION, user, NOW)).as("used").isEmpty();

        byte[] login = {4, 5, 6};
        passkeys.saveCeremony(login, CeremonyKind.LOGIN, null, "{\"l\":1}", NOW, NOW.plusSeconds(300));
        assertThat(passkeys.takeCeremony(login, CeremonyKind.LOGIN, null, NOW.plusSeconds(300))).as("expired")
                .isEmpty();
        assertThat(passkeys.deleteExpiredCeremonies(NOW.plusSeconds(301))).isGreaterThanOrEqualTo(1);

        byte[] discoverable = {7, 8, 9};
        passkeys.saveCeremony(discoverable, CeremonyKind.LOGIN, null, "{\"l\":2}", NOW, NOW.plusSeconds(300));
        assertThat(passkeys.takeCeremony(discoverable, CeremonyKind.LOGIN, null, NOW)).get()
                .isEqualTo(new PasskeyRepository.Ceremony(null, "{\"l\":2}"));
    }

    private static StoredPasskey passkey(UUID user, String name, int seed, Instant createdAt) {
        byte[] credentialId = new byte[16];
        new java.util.Random(seed).nextBytes(credentialId);
        return new StoredPasskey(UUID.randomUUID(), user, credentialId, UserHandles.of(user), new byte[] {(byte) seed},
                seed, List.of("internal", "hybrid"), name, createdAt.truncatedTo(ChronoUnit.MICROS), null);
    }

    private static UUID user() {
        String username = "pk" + UUID.randomUUID().toString().substring(0, 8);
        return users.insert(UUID.randomUUID(), new SignUp(username, username + "@example.com",
                "correct horse battery", "Passkey tester"), "hash").id();
    }
}
