package dev.authgateway.store.grpc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.authgateway.proto.secondfactor.v1.ConfirmEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.SecondFactorsGrpc;
import dev.authgateway.proto.secondfactor.v1.StartEnrolmentRequest;
import dev.authgateway.proto.user.v1.AccountLifecycleGrpc;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.EndSessionRequest;
import dev.authgateway.proto.user.v1.ExportAccountRequest;
import dev.authgateway.proto.user.v1.ExportAccountResponse;
import dev.authgateway.proto.user.v1.GetEmailStatusRequest;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.ListSessionsRequest;
import dev.authgateway.proto.user.v1.RefreshSessionRequest;
import dev.authgateway.proto.user.v1.RequestEmailChangeRequest;
import dev.authgateway.proto.user.v1.SessionDetails;
import dev.authgateway.proto.user.v1.SessionResponse;
import dev.authgateway.proto.user.v1.StartSessionRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.proto.user.v1.VerifyEmailRequest;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.testing.TestMail;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The account lifecycle at the store over a real socket, PostgreSQL and SMTP server: session details, deletion with
 * re-authentication, the email change by mail, the export.
 */
class AccountLifecycleGrpcIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final StoreServiceFixture fixture = new StoreServiceFixture();
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(10));
    private static final UserStoreGrpc.UserStoreBlockingStub store = fixture.store();
    private static final AccountLifecycleGrpc.AccountLifecycleBlockingStub lifecycle = fixture.lifecycle();
    private static final SecondFactorsGrpc.SecondFactorsBlockingStub factors = fixture.secondFactors();

    @Test
    void givenSessionsFromTwoDevices_thenTheOwnerSeesBothCleaned_andNoOneElseSeesThem() throws Exception {
        User ada = newUser("sa");
        User bob = newUser("sb");
        SessionResponse laptop = start(ada, "Firefox/128\u0000\u202Eevil\nline " + "x".repeat(400), "192.0.2.1");
        Thread.sleep(5);
        SessionResponse phone = start(ada, "Safari/17", "198.51.100.7");
        start(bob, "curl/8", "203.0.113.9");

        List<SessionDetails> listed = sessions(ada);

        assertThat(listed).extracting(SessionDetails::getSessionId)
                .containsExactly(phone.getSessionId(), laptop.getSessionId());
        SessionDetails first = listed.get(1);
        assertThat(first.getUserAgent()).startsWith("Firefox/128").doesNotContain("\u0000", "\u202E", "\n")
                .hasSizeLessThanOrEqualTo(256);
        assertThat(first.getClientAddress()).isEqualTo("192.0.2.1");
        assertThat(first.getLastUsedAt()).isEqualTo(first.getCreatedAt());

        SessionResponse refreshed = DEADLINE.on(store).refreshSession(RefreshSessionRequest.newBuilder()
                .setRefreshToken(laptop.getRefreshToken()).setUserAgent("Firefox/129").setClientAddress("192.0.2.2")
                .build());
        SessionDetails after = sessions(ada).stream()
                .filter(session -> session.getSessionId().equals(refreshed.getSessionId())).findFirst().orElseThrow();
        assertThat(after.getUserAgent()).isEqualTo("Firefox/129");
        assertThat(after.getClientAddress()).isEqualTo("192.0.2.2");
        assertThat(seconds(after.getLastUsedAt())).isGreaterThan(seconds(after.getCreatedAt()));

        assertThat(DEADLINE.on(store).endSession(EndSessionRequest.newBuilder().setSessionId(phone.getSessionId())
                .setUserId(bob.getId()).build()).getEndedSessionIdsList()).as("not bob's to end").isEmpty();
        DEADLINE.on(store).endSession(EndSessionRequest.newBuilder().setSessionId(phone.getSessionId())
                .setUserId(ada.getId()).build());
        assertThat(sessions(ada)).extracting(SessionDetails::getSessionId).containsExactly(laptop.getSessionId());
        assertThat(sessions(bob)).extracting(SessionDetails::getUserAgent).containsExactly("curl/8");
    }

    @Test
    void givenADeletion_thenTheRightPasswordIsRequired_andEveryRowOfTheUserGoes_andTheOwnerIsTold() throws Exception {
        User ada = newUser("da");
        User bob = newUser("db");
        SessionResponse session = start(ada, "Firefox", "192.0.2.1");
        start(bob, "Safari", "192.0.2.2");
        fixture.mail().await(ada.getEmail(), 1, MAIL_WAIT); // the signup's verification, sent before it goes
        update("INSERT INTO passkeys (id, user_id, credential_id, user_handle, public_key_cose, signature_count, name, "
                + "created_at) VALUES (gen_random_uuid(), '" + ada.getId() + "', '\\x0102', '\\x03', '\\x04', 0, "
                + "'laptop', now())");
        update("INSERT INTO passkey_ceremonies (key_hash, kind, user_id, request_json, created_at, expires_at) "
                + "VALUES ('\\x05', 'REGISTRATION', '" + ada.getId() + "', '{}', now(), now() + interval '5 minutes')");

        assertThat(failure(() -> delete(ada, "not the password", ""))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(DEADLINE.on(store).getUser(GetUserRequest.newBuilder().setId(ada.getId()).build()).getUser())
                .as("still there").isEqualTo(ada);

        List<String> ended = delete(ada, PASSWORD, "");

        assertThat(ended).containsExactly(session.getSessionId());
        assertThat(failure(() -> DEADLINE.on(store).getUser(GetUserRequest.newBuilder().setId(ada.getId()).build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> DEADLINE.on(store).verifyCredentials(VerifyCredentialsRequest.newBuilder()
                .setLogin(ada.getUsername()).setPassword(PASSWORD).build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(failure(() -> DEADLINE.on(store).refreshSession(RefreshSessionRequest.newBuilder()
                .setRefreshToken(session.getRefreshToken()).build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
        for (String table : List.of("sessions", "account_tokens", "totp_factors", "recovery_codes", "passkeys",
                "passkey_ceremonies")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE user_id = '" + ada.getId() + "'"))
                    .as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM mail_outbox WHERE user_id = '" + ada.getId() + "'")).isZero();
        assertThat(count("SELECT count(*) FROM sessions WHERE user_id = '" + bob.getId() + "'"))
                .as("bob's session stays").isEqualTo(1);
        List<TestMail.Mail> mails = fixture.mail().await(ada.getEmail(), 2, MAIL_WAIT);
        assertThat(mails).extracting(TestMail.Mail::subject).contains("Your account was deleted");
        assertThat(failure(() -> delete(ada, PASSWORD, ""))).as("gone").isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenASecondFactor_thenDeletionAlsoNeedsACurrentCode() throws Exception {
        User ada = newUser("dt");
        TotpCodes codes = TotpCodes.fromUri(DEADLINE.on(factors).startEnrolment(StartEnrolmentRequest.newBuilder()
                .setUserId(ada.getId()).build()).getOtpauthUri());
        long step = TotpCodes.currentStep();
        DEADLINE.on(factors).confirmEnrolment(ConfirmEnrolmentRequest.newBuilder().setUserId(ada.getId())
                .setCode(codes.at(step)).build());

        StatusRuntimeException missing = catchThrowableOfType(StatusRuntimeException.class,
                () -> delete(ada, PASSWORD, ""));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(missing.getStatus().getDescription()).isEqualTo("invalid code");
        String wrong = codes.at(step + 1).equals("000000") ? "111111" : "000000";
        assertThat(failure(() -> delete(ada, PASSWORD, wrong))).isEqualTo(Status.Code.UNAUTHENTICATED);

        assertThat(delete(ada, PASSWORD, codes.at(step + 1))).isEmpty();
        assertThat(count("SELECT count(*) FROM totp_factors WHERE user_id = '" + ada.getId() + "'")).isZero();
        assertThat(count("SELECT count(*) FROM users WHERE id = '" + ada.getId() + "'")).isZero();
    }

    @Test
    void givenAnEmailChange_thenTheNewAddressGetsALinkAndTheOldANotice_andTheLinkWorksOnce() {
        User ada = newUser("ea");
        String newEmail = "new-" + ada.getUsername() + "@example.org";

        assertThat(failure(() -> requestChange(ada, newEmail, "not the password")))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class,
                () -> requestChange(ada, "not an address", PASSWORD));
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(field(malformed)).isEqualTo("newEmail");
        User bob = newUser("eb");
        StatusRuntimeException taken = catchThrowableOfType(StatusRuntimeException.class,
                () -> requestChange(ada, bob.getEmail().toUpperCase(), PASSWORD));
        assertThat(taken.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(field(taken)).isEqualTo("newEmail");

        requestChange(ada, newEmail, PASSWORD);

        TestMail.Mail link = fixture.mail().await(newEmail, 1, MAIL_WAIT).getFirst();
        assertThat(link.subject()).isEqualTo("Confirm your new email address");
        assertThat(link.text()).contains("/confirm-email-change#token=");
        List<TestMail.Mail> old = fixture.mail().await(ada.getEmail(), 2, MAIL_WAIT);
        assertThat(old).extracting(TestMail.Mail::subject).contains("A change of your email address was requested");
        assertThat(old.stream().filter(mail -> mail.subject().startsWith("A change")).findFirst().orElseThrow()
                .token()).as("no link to the old address").isEmpty();
        String token = link.token().orElseThrow();
        assertThat(DEADLINE.on(store).getUser(GetUserRequest.newBuilder().setId(ada.getId()).build()).getUser()
                .getEmail()).as("unchanged until confirmed").isEqualTo(ada.getEmail());

        User changed = DEADLINE.on(store).confirmEmailChange(ConfirmEmailChangeRequest.newBuilder()
                .setToken(token).build()).getUser();

        assertThat(changed.getEmail()).isEqualTo(newEmail);
        assertThat(changed.getVersion()).isEqualTo(ada.getVersion() + 1);
        assertThat(fixture.accountMail().getEmailStatus(GetEmailStatusRequest.newBuilder().setUserId(ada.getId())
                .build()).getVerified()).isTrue();
        assertThat(DEADLINE.on(store).verifyCredentials(VerifyCredentialsRequest.newBuilder().setLogin(newEmail)
                .setPassword(PASSWORD).build()).getUser().getId()).isEqualTo(ada.getId());
        assertInvalidToken(() -> DEADLINE.on(store).confirmEmailChange(ConfirmEmailChangeRequest.newBuilder()
                .setToken(token).build()));
        assertInvalidToken(() -> DEADLINE.on(fixture.accountMail()).verifyEmail(VerifyEmailRequest.newBuilder()
                .setToken(token).build()));
    }

    @Test
    void givenTheNewAddressTakenBeforeConfirmation_thenAlreadyExists_andNothingChanges() {
        User ada = newUser("ca");
        String newEmail = "taken-" + ada.getUsername() + "@example.org";
        requestChange(ada, newEmail, PASSWORD);
        String token = fixture.mail().await(newEmail, 1, MAIL_WAIT).getFirst().token().orElseThrow();
        DEADLINE.on(store).createUser(CreateUserRequest.newBuilder().setUsername("c" + ada.getUsername())
                .setEmail(newEmail).setPassword(PASSWORD).setDisplayName("Thief").build());

        StatusRuntimeException conflict = catchThrowableOfType(StatusRuntimeException.class,
                () -> DEADLINE.on(store).confirmEmailChange(ConfirmEmailChangeRequest.newBuilder()
                        .setToken(token).build()));

        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(field(conflict)).isEqualTo("email");
        assertThat(DEADLINE.on(store).getUser(GetUserRequest.newBuilder().setId(ada.getId()).build()).getUser()
                .getEmail()).isEqualTo(ada.getEmail());
    }

    @Test
    void givenAnExport_thenItHoldsTheAccountsFactsAndOpenSessions_andNoSecret() {
        User ada = newUser("xa");
        SessionResponse session = start(ada, "Firefox", "192.0.2.1");

        ExportAccountResponse export = DEADLINE.on(lifecycle).exportAccount(ExportAccountRequest.newBuilder()
                .setUserId(ada.getId()).build());

        assertThat(export.getUser()).isEqualTo(ada);
        assertThat(export.hasUpdatedAt()).isTrue();
        assertThat(export.hasEmailVerifiedAt()).isFalse();
        assertThat(export.hasSecondFactorEnabledAt()).isFalse();
        assertThat(export.getSessionsList()).extracting(SessionDetails::getSessionId)
                .containsExactly(session.getSessionId());
        assertThat(export.toString()).doesNotContain(session.getRefreshToken()).doesNotContain("$argon2");
        assertThat(failure(() -> DEADLINE.on(lifecycle).exportAccount(ExportAccountRequest.newBuilder()
                .setUserId(UUID.randomUUID().toString()).build()))).isEqualTo(Status.Code.NOT_FOUND);
    }

    private static User newUser(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        return DEADLINE.on(store).createUser(CreateUserRequest.newBuilder().setUsername(name)
                .setEmail(name + "@example.com").setPassword(PASSWORD).setDisplayName(name).build()).getUser();
    }

    private static SessionResponse start(User user, String userAgent, String address) {
        return DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(user.getId())
                .setUserAgent(userAgent).setClientAddress(address).build());
    }

    private static List<SessionDetails> sessions(User user) {
        return DEADLINE.on(lifecycle).listSessions(ListSessionsRequest.newBuilder().setUserId(user.getId()).build())
                .getSessionsList();
    }

    private static List<String> delete(User user, String password, String code) {
        return DEADLINE.on(store).deleteUser(DeleteUserRequest.newBuilder().setId(user.getId())
                .setCurrentPassword(password).setCode(code).build()).getEndedSessionIdsList();
    }

    private static void requestChange(User user, String newEmail, String password) {
        DEADLINE.on(lifecycle).requestEmailChange(RequestEmailChangeRequest.newBuilder().setUserId(user.getId())
                .setNewEmail(newEmail).setCurrentPassword(password).build());
    }

    private static double seconds(com.google.protobuf.Timestamp timestamp) {
        return timestamp.getSeconds() + timestamp.getNanos() / 1e9;
    }

    private static Status.Code failure(Runnable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("expected the call to fail").isNotNull();
        return error.getStatus().getCode();
    }

    private static String field(StatusRuntimeException error) {
        return StatusProto.fromThrowable(error).getDetailsList().stream().filter(detail -> detail.is(BadRequest.class))
                .map(detail -> {
                    try {
                        return detail.unpack(BadRequest.class).getFieldViolations(0).getField();
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElse("");
    }

    private static void assertInvalidToken(Runnable call) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(StatusProto.fromThrowable(refused).getDetailsList().stream()
                .filter(detail -> detail.is(ErrorInfo.class)).findFirst()).isPresent();
    }

    private static void update(String statement) throws java.sql.SQLException {
        var database = fixture.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); var update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }

    private static long count(String query) throws java.sql.SQLException {
        var database = fixture.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
