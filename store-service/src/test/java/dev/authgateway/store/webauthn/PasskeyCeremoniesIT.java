package dev.authgateway.store.webauthn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.store.domain.FieldViolation;
import dev.authgateway.store.domain.InvalidInputException;
import dev.authgateway.store.domain.Passkey;
import dev.authgateway.store.domain.PasskeyNotAcceptedException;
import dev.authgateway.store.domain.PasskeyRequestNotValidException;
import dev.authgateway.store.domain.PasskeyStateException;
import dev.authgateway.store.domain.Passkeys;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.User;
import dev.authgateway.store.mybatis.Database;
import dev.authgateway.store.mybatis.MyBatisUserRepository;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Both WebAuthn ceremonies end to end in the store: the use cases, Yubico's relying party and its credential
 * repository, over PostgreSQL, answered by a software authenticator as a browser would answer them.
 */
@Timeout(60)
class PasskeyCeremoniesIT {

    private static final String ORIGIN = "http://localhost:5173";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-07T04:00:00Z"));

    private static TestDatabase database;
    private static HikariDataSource dataSource;
    private static MyBatisUserRepository users;
    private static Passkeys passkeys;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        dataSource = Database.open(ApplicationYaml.with(database.config()).get("app.db"));
        users = MyBatisUserRepository.on(dataSource);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        passkeys = new Passkeys(users.passkeys(), users, new YubicoCeremonies(new RelyingPartySettings("localhost",
                "Auth Gateway", Set.of("http://localhost:8080", ORIGIN)), users.passkeys(), users),
                new Passkeys.Settings(Duration.ofMinutes(5)), clock);
    }

    @AfterAll
    static void stop() {
        dataSource.close();
        database.close();
    }

    @Test
    void givenARegisteredPasskey_thenADiscoverableLoginNamesItsUserAndRecordsTheUse() {
        User ada = user("ada");
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 1);

        Passkey registered = register(ada, authenticator, "  Laptop  ");

        assertThat(registered.name()).isEqualTo("Laptop");
        assertThat(registered.lastUsedAt()).isNull();
        assertThat(passkeys.list(ada.id())).containsExactly(registered);

        Passkeys.Options options = passkeys.startLogin(null);
        JsonNode request = json(options.optionsJson());
        assertThat(request.get("rpId").asText()).isEqualTo("localhost");
        assertThat(request.get("userVerification").asText()).isEqualTo("required");
        assertThat(request.path("allowCredentials").isEmpty()).as("discoverable: no list").isTrue();
        assertThat(options.requestId()).hasSize(43);

        Passkeys.LoggedIn loggedIn = passkeys.finishLogin(options.requestId(),
                authenticator.authenticate(options.optionsJson()));

        assertThat(loggedIn).isEqualTo(new Passkeys.LoggedIn(ada.id(), registered.id()));
        assertThat(passkeys.list(ada.id())).singleElement()
                .satisfies(listed -> assertThat(listed.lastUsedAt()).isEqualTo(NOW.get()));
    }

    @Test
    void givenTheCreationOptions_thenDiscoverableWithUserVerificationAndTheUserHandleIsTheId() {
        User grace = user("grace");
        SoftAuthenticator first = new SoftAuthenticator(ORIGIN, 2);
        register(grace, first, null);

        JsonNode options = json(passkeys.startRegistration(grace.id()).optionsJson());

        assertThat(options.get("rp").get("id").asText()).isEqualTo("localhost");
        assertThat(options.get("user").get("name").asText()).isEqualTo(grace.username());
        assertThat(options.get("authenticatorSelection").get("residentKey").asText()).isEqualTo("required");
        assertThat(options.get("authenticatorSelection").get("userVerification").asText()).isEqualTo("required");
        assertThat(options.get("excludeCredentials").findValuesAsText("id"))
                .as("the passkey already registered is excluded").containsExactly(first.credentialIdBase64Url());
        assertThat(passkeys.list(grace.id())).extracting(Passkey::name).containsExactly("Passkey");
    }

    @Test
    void givenALoginName_thenItsPasskeysAreListed_andAnUnknownNameOrOneWithoutPasskeysIsAnsweredAsNoName() {
        User linus = user("linus");
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 3);
        register(linus, authenticator, "key");

        Passkeys.Options named = passkeys.startLogin(linus.username().toUpperCase(java.util.Locale.ROOT));
        Passkeys.Options unknown = passkeys.startLogin("nobody-" + UUID.randomUUID());
        Passkeys.Options without = passkeys.startLogin(user("nopasskey").username());

        assertThat(json(named.optionsJson()).get("allowCredentials").findValuesAsText("id"))
                .containsExactly(authenticator.credentialIdBase64Url());
        assertThat(json(unknown.optionsJson()).path("allowCredentials").isEmpty()).isTrue();
        assertThat(json(unknown.optionsJson()).path("allowCredentials"))
                .as("an account without passkeys is answered as an unknown login")
                .isEqualTo(json(without.optionsJson()).path("allowCredentials"));
        assertThat(passkeys.finishLogin(named.requestId(), authenticator.authenticate(named.optionsJson())).userId())
                .isEqualTo(linus.id());
    }

    @Test
    void givenALoginRequest_thenItIsUsedOnce_andExpires() {
        User barbara = user("barbara");
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 4);
        register(barbara, authenticator, null);
        Passkeys.Options options = passkeys.startLogin(null);
        String answer = authenticator.authenticate(options.optionsJson());
        passkeys.finishLogin(options.requestId(), answer);

        assertThat(catchThrowableOfType(PasskeyRequestNotValidException.class,
                () -> passkeys.finishLogin(options.requestId(), answer))).as("used").isNotNull();

        Passkeys.Options late = passkeys.startLogin(null);
        NOW.set(NOW.get().plus(Duration.ofMinutes(6)));
        assertThat(catchThrowableOfType(PasskeyRequestNotValidException.class,
                () -> passkeys.finishLogin(late.requestId(), authenticator.authenticate(late.optionsJson()))))
                .as("expired").isNotNull();
        assertThat(catchThrowableOfType(PasskeyRequestNotValidException.class,
                () -> passkeys.finishLogin("made-up", answer))).as("unknown").isNotNull();
    }

    @Test
    void givenACounterThatDoesNotGoForward_thenTheLoginIsRefusedAsAClone() {
        User edsger = user("edsger");
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 5);
        register(edsger, authenticator, null);
        login(authenticator);
        login(authenticator);

        authenticator.counter(0); // a copy of the key that missed the last two uses
        Passkeys.Options options = passkeys.startLogin(null);

        assertThat(catchThrowableOfType(PasskeyNotAcceptedException.class,
                () -> passkeys.finishLogin(options.requestId(), authenticator.authenticate(options.optionsJson()))))
                .isNotNull();
    }

    @Test
    void givenNoUserVerification_thenNeitherRegistrationNorLoginIsAccepted() {
        User alan = user("alan");
        SoftAuthenticator verified = new SoftAuthenticator(ORIGIN, 6);
        register(alan, verified, null);

        Passkeys.Options creation = passkeys.startRegistration(alan.id());
        String unverifiedAnswer = new SoftAuthenticator(ORIGIN, 7).withoutUserVerification()
                .register(creation.optionsJson());
        assertThat(field(() -> passkeys.finishRegistration(alan.id(), unverifiedAnswer, null))).isEqualTo("response");

        verified.withoutUserVerification();
        Passkeys.Options options = passkeys.startLogin(null);
        assertThat(catchThrowableOfType(PasskeyNotAcceptedException.class,
                () -> passkeys.finishLogin(options.requestId(), verified.authenticate(options.optionsJson()))))
                .isNotNull();
    }

    @Test
    void givenAnotherOrigin_thenTheRegistrationIsNotAccepted_andTheAssertionNeither() {
        User mallory = user("mallory");
        Passkeys.Options creation = passkeys.startRegistration(mallory.id());
        String phished = new SoftAuthenticator("https://login.example.evil", 8).register(creation.optionsJson());
        assertThat(field(() -> passkeys.finishRegistration(mallory.id(), phished, null))).isEqualTo("response");
        assertThat(passkeys.list(mallory.id())).isEmpty();

        SoftAuthenticator good = new SoftAuthenticator(ORIGIN, 9);
        register(mallory, good, null);
        Passkeys.Options options = passkeys.startLogin(null);
        String relayed = good.onOrigin("https://login.example.evil").authenticate(options.optionsJson());
        assertThat(catchThrowableOfType(PasskeyNotAcceptedException.class,
                () -> passkeys.finishLogin(options.requestId(), relayed))).isNotNull();
        Passkeys.Options again = passkeys.startLogin(null);
        assertThat(passkeys.finishLogin(again.requestId(), good.authenticate(again.optionsJson())).userId())
                .as("the passkey itself still works").isEqualTo(mallory.id());
    }

    @Test
    void givenARegistration_thenOnlyItsUserFinishesIt_once() {
        User owner = user("owner");
        User other = user("other");
        Passkeys.Options creation = passkeys.startRegistration(owner.id());
        String answer = new SoftAuthenticator(ORIGIN, 10).register(creation.optionsJson());

        assertThat(catchThrowableOfType(PasskeyStateException.class,
                () -> passkeys.finishRegistration(other.id(), answer, null))).as("another user").isNotNull();
        passkeys.finishRegistration(owner.id(), answer, null);
        assertThat(catchThrowableOfType(PasskeyStateException.class,
                () -> passkeys.finishRegistration(owner.id(), answer, null))).as("used").isNotNull();
        assertThat(passkeys.list(other.id())).isEmpty();
        assertThat(passkeys.list(owner.id())).hasSize(1);
    }

    @Test
    void givenARemovedPasskey_thenItNoLongerLogsIn_andOnlyItsOwnerRemovesIt() {
        User owner = user("remover");
        User other = user("bystander");
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 11);
        Passkey passkey = register(owner, authenticator, null);

        assertThat(passkeys.remove(other.id(), passkey.id())).isFalse();
        assertThat(passkeys.remove(owner.id(), passkey.id())).isTrue();
        assertThat(passkeys.remove(owner.id(), passkey.id())).isFalse();

        Passkeys.Options options = passkeys.startLogin(null);
        assertThat(catchThrowableOfType(PasskeyNotAcceptedException.class,
                () -> passkeys.finishLogin(options.requestId(), authenticator.authenticate(options.optionsJson()))))
                .isNotNull();
    }

    @Test
    void givenJsonThatIsNoCredential_thenBadInputNamingResponse() {
        User user = user("malformed");
        passkeys.startRegistration(user.id());
        Passkeys.Options options = passkeys.startLogin(null);

        assertThat(field(() -> passkeys.finishRegistration(user.id(), "{\"id\":1}", null))).isEqualTo("response");
        assertThat(field(() -> passkeys.finishRegistration(user.id(), "not json", null))).isEqualTo("response");
        assertThat(field(() -> passkeys.finishRegistration(user.id(), " ", null))).isEqualTo("response");
        assertThat(field(() -> passkeys.finishLogin(options.requestId(), "[]"))).isEqualTo("response");
        assertThat(field(() -> passkeys.finishRegistration(user.id(), "{}", "x".repeat(65)))).isEqualTo("name");
    }

    private static Passkey register(User user, SoftAuthenticator authenticator, String name) {
        Passkeys.Options creation = passkeys.startRegistration(user.id());
        return passkeys.finishRegistration(user.id(), authenticator.register(creation.optionsJson()), name);
    }

    private static void login(SoftAuthenticator authenticator) {
        Passkeys.Options options = passkeys.startLogin(null);
        passkeys.finishLogin(options.requestId(), authenticator.authenticate(options.optionsJson()));
    }

    private static String field(Runnable call) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, call::run);
        assertThat(error).as("expected bad input").isNotNull();
        return error.violations().stream().map(FieldViolation::field).findFirst().orElseThrow();
    }

    private static User user(String name) {
        String username = name + "_" + UUID.randomUUID().toString().substring(0, 6);
        return users.insert(UUID.randomUUID(), new SignUp(username, username + "@example.com",
                "correct horse battery", "Display " + name), "hash");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
