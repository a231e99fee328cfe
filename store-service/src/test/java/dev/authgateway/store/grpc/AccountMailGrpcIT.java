package dev.authgateway.store.grpc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.authgateway.proto.user.v1.AccountMailGrpc;
import dev.authgateway.proto.user.v1.ChangePasswordRequest;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.GetEmailStatusRequest;
import dev.authgateway.proto.user.v1.PasswordChangedResponse;
import dev.authgateway.proto.user.v1.RefreshSessionRequest;
import dev.authgateway.proto.user.v1.RequestPasswordResetRequest;
import dev.authgateway.proto.user.v1.ResetPasswordRequest;
import dev.authgateway.proto.user.v1.SessionResponse;
import dev.authgateway.proto.user.v1.StartSessionRequest;
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

/** The AccountMail rpcs over a real socket, PostgreSQL and SMTP server: tokens, sessions, limits, typed errors. */
class AccountMailGrpcIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "plum lantern orbit vinegar";

    @RegisterExtension
    static final StoreServiceFixture fixture = new StoreServiceFixture(Map.of(
            "app.mail.rate-limit.per-recipient", "3", "app.mail.rate-limit.per-account", "5"));
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(10));
    private static final UserStoreGrpc.UserStoreBlockingStub store = fixture.store();
    private static final AccountMailGrpc.AccountMailBlockingStub mail = fixture.accountMail();

    @Test
    void givenTheSignupLink_thenTheAddressIsVerifiedOnceAndTheTokenNeverWorksAgain() {
        Account account = newAccount();
        String token = mailTo(account.email(), 1).getFirst().token().orElseThrow();
        assertThat(verified(account.id())).isFalse();

        assertThat(DEADLINE.on(mail).verifyEmail(VerifyEmailRequest.newBuilder().setToken(token).build())
                .getUserId()).isEqualTo(account.id());

        assertThat(verified(account.id())).isTrue();
        assertInvalidToken(() -> DEADLINE.on(mail).verifyEmail(VerifyEmailRequest.newBuilder().setToken(token).build()));
        assertInvalidToken(() -> DEADLINE.on(mail).verifyEmail(VerifyEmailRequest.newBuilder().setToken("garbage").build()));
    }

    @Test
    void givenAResetLink_thenItWorksOnceEndsEverySessionAndTheOwnerIsTold() {
        Account account = newAccount();
        SessionResponse session = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder()
                .setUserId(account.id()).build());
        DEADLINE.on(mail).requestPasswordReset(RequestPasswordResetRequest.newBuilder()
                .setEmail(account.email().toUpperCase()).build());
        TestMail.Mail link = mailTo(account.email(), 2).get(1);
        assertThat(link.subject()).isEqualTo("Reset your password");
        String token = link.token().orElseThrow();
        assertInvalidToken(() -> DEADLINE.on(mail).verifyEmail(VerifyEmailRequest.newBuilder().setToken(token).build()));

        StatusRuntimeException weak = catchThrowableOfType(StatusRuntimeException.class, () -> DEADLINE.on(mail)
                .resetPassword(ResetPasswordRequest.newBuilder().setToken(token).setNewPassword("password1").build()));
        assertThat(weak.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(weak.getStatus().getDescription()).startsWith("newPassword");

        PasswordChangedResponse reset = DEADLINE.on(mail).resetPassword(ResetPasswordRequest.newBuilder()
                .setToken(token).setNewPassword(NEW_PASSWORD).build());

        assertThat(reset.getEndedSessionIdsList()).containsExactly(session.getSessionId());
        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> DEADLINE.on(store).refreshSession(
                RefreshSessionRequest.newBuilder().setRefreshToken(session.getRefreshToken()).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(loginWorks(account, PASSWORD)).isFalse();
        assertThat(loginWorks(account, NEW_PASSWORD)).isTrue();
        assertInvalidToken(() -> DEADLINE.on(mail).resetPassword(ResetPasswordRequest.newBuilder()
                .setToken(token).setNewPassword("another quite long passphrase").build()));
        assertThat(mailTo(account.email(), 3).get(2).subject()).isEqualTo("Your password was changed");
    }

    @Test
    void givenAnExpiredResetLink_thenInvalidToken() throws Exception {
        Account account = newAccount();
        DEADLINE.on(mail).requestPasswordReset(RequestPasswordResetRequest.newBuilder().setEmail(account.email()).build());
        String token = mailTo(account.email(), 2).get(1).token().orElseThrow();
        sql("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = '" + account.id() + "'");

        assertInvalidToken(() -> DEADLINE.on(mail).resetPassword(ResetPasswordRequest.newBuilder()
                .setToken(token).setNewPassword(NEW_PASSWORD).build()));
    }

    @Test
    void givenAnUnknownAddress_thenTheAnswerIsTheSameAndTheAddressGetsANoticeWithoutALink() {
        String email = "nobody" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        var answer = DEADLINE.on(mail).requestPasswordReset(RequestPasswordResetRequest.newBuilder()
                .setEmail(email).build());

        assertThat(answer.toByteArray()).isEmpty();
        TestMail.Mail notice = mailTo(email, 1).getFirst();
        assertThat(notice.subject()).isEqualTo("Password reset requested");
        assertThat(notice.token()).isEmpty();
    }

    @Test
    void givenRequestsPastTheLimitForOneAddress_thenResourceExhaustedWithRetryInfoAndNoMoreMail() {
        String email = "flood" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        for (int i = 0; i < 3; i++) {
            DEADLINE.on(mail).requestPasswordReset(RequestPasswordResetRequest.newBuilder().setEmail(email).build());
        }

        StatusRuntimeException limited = catchThrowableOfType(StatusRuntimeException.class, () -> DEADLINE.on(mail)
                .requestPasswordReset(RequestPasswordResetRequest.newBuilder().setEmail(email).build()));

        assertThat(limited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        var details = StatusProto.fromThrowable(limited).getDetailsList();
        assertThat(details.stream().filter(detail -> detail.is(RetryInfo.class)).findFirst()).isPresent();
        assertThat(mailTo(email, 3)).hasSize(3);
    }

    @Test
    void givenAPasswordChange_thenTheCurrentOneIsRequiredAndOnlyTheOtherSessionsEnd() {
        Account account = newAccount();
        SessionResponse mine = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(account.id()).build());
        SessionResponse other = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(account.id()).build());
        ChangePasswordRequest.Builder change = ChangePasswordRequest.newBuilder().setUserId(account.id())
                .setSessionId(mine.getSessionId()).setNewPassword(NEW_PASSWORD);

        StatusRuntimeException wrong = catchThrowableOfType(StatusRuntimeException.class,
                () -> DEADLINE.on(mail).changePassword(change.setCurrentPassword("not the password").build()));
        assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(StatusProto.fromThrowable(wrong).getDetailsCount()).as("not a token failure").isZero();

        PasswordChangedResponse changed = DEADLINE.on(mail).changePassword(change.setCurrentPassword(PASSWORD).build());

        assertThat(changed.getEndedSessionIdsList()).containsExactly(other.getSessionId());
        assertThat(DEADLINE.on(store).refreshSession(RefreshSessionRequest.newBuilder()
                .setRefreshToken(mine.getRefreshToken()).build()).getRefreshToken()).isNotBlank();
        assertThat(loginWorks(account, NEW_PASSWORD)).isTrue();
        assertThat(mailTo(account.email(), 2).get(1).subject()).isEqualTo("Your password was changed");
    }

    private record Account(String id, String email) {
    }

    private static Account newAccount() {
        String name = "m" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        String id = DEADLINE.on(store).createUser(CreateUserRequest.newBuilder().setUsername(name).setEmail(email)
                .setPassword(PASSWORD).setDisplayName("Ada <b>" + name + "</b>").build()).getUser().getId();
        return new Account(id, email);
    }

    private static List<TestMail.Mail> mailTo(String email, int count) {
        return fixture.mail().await(email, count, Duration.ofSeconds(20));
    }

    private static boolean verified(String userId) {
        return DEADLINE.on(mail).getEmailStatus(GetEmailStatusRequest.newBuilder().setUserId(userId).build())
                .getVerified();
    }

    private static boolean loginWorks(Account account, String password) {
        try {
            DEADLINE.on(store).verifyCredentials(VerifyCredentialsRequest.newBuilder().setLogin(account.email())
                    .setPassword(password).build());
            return true;
        } catch (StatusRuntimeException e) {
            return false;
        }
    }

    private static void assertInvalidToken(Runnable call) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(StatusProto.fromThrowable(refused).getDetailsList().stream()
                .filter(detail -> detail.is(ErrorInfo.class)).findFirst()).isPresent();
    }

    private static void sql(String statement) throws Exception {
        var database = fixture.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }
}
