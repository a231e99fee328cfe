package dev.authgateway.store.grpc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.google.rpc.BadRequest;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The UserStore contract over a real socket, on a real PostgreSQL database. */
class UserStoreGrpcIT {

    private static final String PASSWORD = "correct horse battery";
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(5));

    @RegisterExtension
    static final StoreServiceFixture fixture = new StoreServiceFixture();
    private static final UserStoreGrpc.UserStoreBlockingStub store = fixture.store();

    @Test
    void givenACreatedUser_thenItCanBeReadAndItsCredentialsVerifiedByUsernameOrEmailInAnyCase() {
        User created = create("Katherine", "Katherine@Example.com");

        assertThat(created.getId()).hasSize(36);
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(created.getCreatedAt().getSeconds()).isPositive();
        assertThat(DEADLINE.on(store).getUser(GetUserRequest.newBuilder().setId(created.getId()).build()).getUser())
                .isEqualTo(created);
        assertThat(verify("KATHERINE", PASSWORD)).isEqualTo(created);
        assertThat(verify("katherine@example.COM", PASSWORD)).isEqualTo(created);
    }

    @Test
    void givenEverySpellingOfAnAccount_thenResolveLoginNamesTheSameAccount() {
        User created = create("rtiResolve", "RtiResolve@Example.com");

        for (String spelling : List.of("rtiresolve", "RT\u0130RESOLVE", "\uff52\uff54\uff49resolve",
                "rtiresolve@example.com", "RT\u0130RESOLVE@EXAMPLE.COM")) {
            assertThat(resolve(spelling).getUserId()).as(spelling).isEqualTo(created.getId());
        }
        assertThat(verify("RT\u0130RESOLVE", PASSWORD)).isEqualTo(created);
    }

    @Test
    void givenAnUnknownLogin_thenNoAccountButACanonicalFormSharedByItsSpellings() {
        var unknown = resolve("Nobody_Here");

        assertThat(unknown.getUserId()).isEmpty();
        assertThat(unknown.getCanonicalLogin()).isEqualTo("nobody_here").isEqualTo(resolve("NOBODY_HERE")
                .getCanonicalLogin());
    }

    @Test
    void givenANulOrInvisibleCharacterInALogin_thenInvalidArgumentNamingLoginOrPasswordNotInternal() throws Exception {
        for (String login : List.of("a\u0000b", "ada\u200B", "ada\u202E@example.com")) {
            StatusRuntimeException resolved = failure(() -> resolve(login));
            StatusRuntimeException verified = failure(() -> verify(login, PASSWORD));

            assertThat(resolved.getStatus().getCode()).as(login).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(violatedFields(resolved)).as(login).containsExactly("login");
            assertThat(violatedFields(verified)).as(login).containsExactly("login");
        }
        StatusRuntimeException password = failure(() -> verify("ada", "correct\u0000horse"));
        assertThat(violatedFields(password)).containsExactly("password");
    }

    @Test
    void givenATakenUsernameOrEmail_thenAlreadyExistsNamingTheFieldAndNoSecondRow() throws Exception {
        create("Dorothy", "dorothy@example.com");

        StatusRuntimeException username = failure(() -> create("DOROTHY", "other-dorothy@example.com"));
        StatusRuntimeException email = failure(() -> create("dorothy2", "DOROTHY@example.com"));

        assertThat(username.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(violatedFields(username)).containsExactly("username");
        assertThat(email.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(violatedFields(email)).containsExactly("email");
        assertThat(countRows("lower(username) LIKE 'dorothy%'")).isEqualTo(1);
    }

    @Test
    void givenInvalidInput_thenInvalidArgumentNamingEveryFieldAndNothingWritten() throws Exception {
        StatusRuntimeException error = failure(() -> DEADLINE.on(store).createUser(CreateUserRequest.newBuilder()
                .setUsername("x").setEmail("not-an-email").setPassword("1234567").setDisplayName("Nobody").build()));

        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(error)).containsExactly("username", "email", "password");
        assertThat(error.getStatus().getDescription()).contains("email: must be a valid email address");
        assertThat(countRows("display_name = 'Nobody'")).isZero();
    }

    @Test
    void givenAShortOrEasyToGuessPassword_thenInvalidArgumentOnPasswordWithTheReason() throws Exception {
        StatusRuntimeException shortOne = failure(() -> DEADLINE.on(store).createUser(CreateUserRequest.newBuilder()
                .setUsername("Ellen").setEmail("ellen@example.com").setPassword("123456789").setDisplayName("E").build()));
        StatusRuntimeException common = failure(() -> DEADLINE.on(store).createUser(CreateUserRequest.newBuilder()
                .setUsername("Ellen").setEmail("ellen@example.com").setPassword("1234567890").setDisplayName("E").build()));

        assertThat(violatedFields(shortOne)).containsExactly("password");
        assertThat(shortOne.getStatus().getDescription()).contains("at least 10 characters");
        assertThat(violatedFields(common)).containsExactly("password");
        assertThat(common.getStatus().getDescription()).contains("too easy to guess");
        assertThat(countRows("lower(username) = 'ellen'")).isZero();
    }

    @Test
    void givenAWrongPasswordOrAnUnknownLogin_thenTheSameUnauthenticatedAnswer() {
        create("Frances", "frances@example.com");

        StatusRuntimeException wrongPassword = failure(() -> verify("frances", "not the password"));
        StatusRuntimeException unknown = failure(() -> verify("nobody-" + UUID.randomUUID(), "not the password"));

        assertThat(wrongPassword.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(unknown.getStatus().getDescription()).isEqualTo(wrongPassword.getStatus().getDescription());
    }

    @Test
    void givenUnknownOrMalformedIds_thenNotFoundAndInvalidArgument() throws Exception {
        StatusRuntimeException unknown = failure(() -> DEADLINE.on(store)
                .getUser(GetUserRequest.newBuilder().setId(UUID.randomUUID().toString()).build()));
        StatusRuntimeException malformed = failure(() -> DEADLINE.on(store)
                .getUser(GetUserRequest.newBuilder().setId("42").build()));

        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(malformed)).containsExactly("id");
    }

    @Test
    void givenAProfileUpdate_thenTheNameChangesAndTheVersionGrows() {
        User created = create("Radia", "radia@example.com");

        User updated = DEADLINE.on(store).updateProfile(UpdateProfileRequest.newBuilder()
                .setId(created.getId()).setDisplayName("Radia Perlman").build()).getUser();

        assertThat(updated.getDisplayName()).isEqualTo("Radia Perlman");
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(failure(() -> DEADLINE.on(store).updateProfile(UpdateProfileRequest.newBuilder()
                .setId(created.getId()).setDisplayName("").build())).getStatus().getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void givenAnyResponse_thenNeitherThePasswordNorItsHashIsInIt() throws Exception {
        User created = create("Hedy", "hedy@example.com");
        String stored = storedHash(created.getId());

        assertThat(stored).startsWith("$argon2id$");
        assertThat(created.toString()).doesNotContain(PASSWORD).doesNotContain(stored).doesNotContain("argon2");
        assertThat(verify("hedy", PASSWORD).toString()).doesNotContain(stored).doesNotContain("argon2");
    }

    @Test
    void givenPostgresqlReachable_thenReadinessIsUp() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + fixture.httpPort() + "/observe/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("postgresql");
        }
    }

    private static User create(String username, String email) {
        return DEADLINE.on(store).createUser(CreateUserRequest.newBuilder()
                .setUsername(username).setEmail(email).setPassword(PASSWORD).setDisplayName(username).build()).getUser();
    }

    private static dev.authgateway.proto.user.v1.ResolveLoginResponse resolve(String login) {
        return DEADLINE.on(store).resolveLogin(
                dev.authgateway.proto.user.v1.ResolveLoginRequest.newBuilder().setLogin(login).build());
    }

    private static User verify(String login, String password) {
        return DEADLINE.on(store).verifyCredentials(VerifyCredentialsRequest.newBuilder()
                .setLogin(login).setPassword(password).build()).getUser();
    }

    private static StatusRuntimeException failure(Runnable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("expected a gRPC error").isNotNull();
        return error;
    }

    private static List<String> violatedFields(StatusRuntimeException error) throws Exception {
        com.google.rpc.Status status = StatusProto.fromThrowable(error);
        assertThat(status).isNotNull();
        return status.getDetails(0).unpack(BadRequest.class).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField).toList();
    }

    private static long countRows(String where) throws Exception {
        try (Connection connection = DriverManager.getConnection(fixture.database().jdbcUrl(), fixture.database().username(),
                fixture.database().password()); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT count(*) FROM users WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String storedHash(String id) throws Exception {
        try (Connection connection = DriverManager.getConnection(fixture.database().jdbcUrl(), fixture.database().username(),
                fixture.database().password()); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT password_hash FROM users WHERE id = '" + UUID.fromString(id) + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
