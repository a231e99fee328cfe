package dev.authgateway.store.grpc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.authgateway.proto.secondfactor.v1.ConfirmEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.DisableRequest;
import dev.authgateway.proto.secondfactor.v1.GetStatusRequest;
import dev.authgateway.proto.secondfactor.v1.ResolveChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.SecondFactorsGrpc;
import dev.authgateway.proto.secondfactor.v1.StartChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.StartEnrolmentRequest;
import dev.authgateway.proto.secondfactor.v1.VerifyChallengeRequest;
import dev.authgateway.proto.secondfactor.v1.VerifyChallengeResponse;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Enrolment, confirmation, login challenges, replay, recovery codes and disabling over a real socket on a real
 * PostgreSQL database. Codes are computed as an authenticator app would, from the secret in the otpauth URI; a
 * second code uses the next time step, which the store accepts as one step of skew.
 */
@Timeout(60)
class SecondFactorsGrpcIT {

    @RegisterExtension
    static final StoreServiceFixture fixture = new StoreServiceFixture();
    private static final UserStoreGrpc.UserStoreBlockingStub store = fixture.store();
    private static final SecondFactorsGrpc.SecondFactorsBlockingStub factors = fixture.secondFactors();
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(5));

    /** A user with a confirmed factor: its id, the app's codes, the step confirmed with, its recovery codes. */
    private record Enrolled(String userId, String username, TotpCodes codes, long confirmedStep,
                            List<String> recoveryCodes) {
    }

    @Test
    void givenAnEnrolment_thenPendingUntilAFirstValidCode_whichAnswersTenRecoveryCodesStoredHashed() throws Exception {
        String username = "tf" + UUID.randomUUID().toString().substring(0, 8);
        String userId = newUser(username);
        assertThat(enabled(userId)).isFalse();

        String uri = DEADLINE.on(factors).startEnrolment(StartEnrolmentRequest.newBuilder().setUserId(userId).build())
                .getOtpauthUri();
        assertThat(uri).matches("otpauth://totp/authgateway:" + username
                + "\\?secret=[A-Z2-7]{32}&issuer=authgateway&algorithm=SHA1&digits=6&period=30");
        assertThat(enabled(userId)).as("pending").isFalse();
        assertThat(challenge(userId)).as("no challenge while pending").isEmpty();

        TotpCodes codes = TotpCodes.fromUri(uri);
        long step = TotpCodes.currentStep();
        String wrong = codes.at(step).equals("000000") ? "111111" : "000000";
        assertThat(failure(() -> confirm(userId, wrong))).isEqualTo(Status.Code.UNAUTHENTICATED);
        List<String> recovery = confirm(userId, codes.at(step));

        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(enabled(userId)).isTrue();
        assertThat(failure(() -> confirm(userId, codes.at(step + 1)))).as("nothing pending any more")
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(failure(() -> DEADLINE.on(factors).startEnrolment(StartEnrolmentRequest.newBuilder()
                .setUserId(userId).build()))).as("already enabled").isEqualTo(Status.Code.FAILED_PRECONDITION);

        String secretBase32 = uri.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(tableText("totp_factors", userId)).doesNotContain(secretBase32)
                .doesNotContain(new String(codes.secret(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(tableText("recovery_codes", userId)).doesNotContain(recovery.getFirst())
                .doesNotContain(recovery.getFirst().replace("-", ""));
    }

    @Test
    void givenALoginChallenge_thenTheRightCodeSpendsItOnce_andNoCodeWorksTwice() {
        Enrolled ada = enrolled();
        String first = challenge(ada.userId());
        assertThat(first).hasSizeGreaterThanOrEqualTo(43);
        assertThat(DEADLINE.on(factors).resolveChallenge(ResolveChallengeRequest.newBuilder().setChallenge(first)
                .build()).getUserId()).isEqualTo(ada.userId());

        assertThat(failure(() -> verify(first, ada.codes().at(ada.confirmedStep()))))
                .as("the code that confirmed the factor").isEqualTo(Status.Code.UNAUTHENTICATED);
        VerifyChallengeResponse verified = verify(first, ada.codes().at(ada.confirmedStep() + 1));
        assertThat(verified.getUserId()).isEqualTo(ada.userId());
        assertThat(verified.getRecoveryCodeUsed()).isFalse();

        assertThat(failure(() -> verify(first, ada.codes().at(ada.confirmedStep() + 1))))
                .as("the challenge is spent").isEqualTo(Status.Code.NOT_FOUND);
        String second = challenge(ada.userId());
        assertThat(failure(() -> verify(second, ada.codes().at(ada.confirmedStep() + 1))))
                .as("the same code on a new challenge: replay").isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenOneCodeOnManyChallengesAtOnce_thenExactlyOneIsAccepted() throws Exception {
        Enrolled ada = enrolled();
        List<String> challenges = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            challenges.add(challenge(ada.userId()));
        }
        String code = ada.codes().at(ada.confirmedStep() + 1);
        List<Future<Boolean>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (String challenge : challenges) {
                answers.add(pool.submit(() -> {
                    try {
                        verify(challenge, code);
                        return true;
                    } catch (StatusRuntimeException refused) {
                        return false;
                    }
                }));
            }
            int accepted = 0;
            for (Future<Boolean> answer : answers) {
                accepted += answer.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        }
    }

    @Test
    void givenARecoveryCode_thenItWorksOnceInPlaceOfACode_asTypedOrPasted() {
        Enrolled ada = enrolled();
        String code = ada.recoveryCodes().get(3);

        VerifyChallengeResponse verified = verify(challenge(ada.userId()), " " + code.toUpperCase().replace("-", " "));
        assertThat(verified.getRecoveryCodeUsed()).isTrue();
        assertThat(verified.getRecoveryCodesLeft()).isEqualTo(9);

        String next = challenge(ada.userId());
        assertThat(failure(() -> verify(next, code))).as("used up").isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(verify(next, ada.recoveryCodes().get(4)).getRecoveryCodesLeft()).isEqualTo(8);
    }

    @Test
    void givenTooManyWrongCodes_thenTheChallengeIsBurnt_evenForTheRightCode() {
        Enrolled ada = enrolled();
        String challenge = challenge(ada.userId());
        String right = ada.codes().at(ada.confirmedStep() + 1);
        String wrong = right.equals("123456") ? "654321" : "123456";

        for (int i = 0; i < 5; i++) {
            assertThat(failure(() -> verify(challenge, wrong))).as("wrong code %d", i + 1)
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
        }
        assertThat(failure(() -> verify(challenge, right))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(DEADLINE.on(factors).resolveChallenge(ResolveChallengeRequest.newBuilder()
                .setChallenge(challenge).build()).getUserId())
                .as("still names its user, so the gateway can answer RATE_LIMITED").isEqualTo(ada.userId());
        assertThat(verify(challenge(ada.userId()), right).getUserId()).as("a new challenge").isEqualTo(ada.userId());
    }

    @Test
    void givenExpiredGarbageOrAbsentChallenges_thenNotFound() throws Exception {
        Enrolled ada = enrolled();
        String expired = challenge(ada.userId());
        sql("UPDATE second_factor_challenges SET expires_at = now() - interval '1 second' WHERE user_id = '"
                + ada.userId() + "'");

        for (String challenge : List.of(expired, "garbage", "", "x".repeat(5000))) {
            assertThat(failure(() -> DEADLINE.on(factors).resolveChallenge(ResolveChallengeRequest.newBuilder()
                    .setChallenge(challenge).build()))).as(challenge).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(failure(() -> verify(challenge, ada.codes().at(ada.confirmedStep() + 1))))
                    .as(challenge).isEqualTo(Status.Code.NOT_FOUND);
        }
        assertThat(challenge(newUser("tf" + UUID.randomUUID().toString().substring(0, 8))))
                .as("no factor, no challenge").isEmpty();
        assertThat(failure(() -> challenge("not-a-uuid"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void givenDisabling_thenItNeedsARightCode_andRemovesTheFactorCodesAndChallenges() throws Exception {
        Enrolled ada = enrolled();
        String open = challenge(ada.userId());

        assertThat(failure(() -> disable(ada.userId(), "not-a-recovery-code"))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(enabled(ada.userId())).isTrue();
        assertThat(DEADLINE.on(factors).disable(DisableRequest.newBuilder().setUserId(ada.userId())
                .setCode(ada.recoveryCodes().getFirst()).build()).getRecoveryCodeUsed()).isTrue();

        assertThat(enabled(ada.userId())).isFalse();
        assertThat(failure(() -> verify(open, ada.codes().at(ada.confirmedStep() + 1)))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(tableText("recovery_codes", ada.userId())).isEmpty();
        assertThat(failure(() -> disable(ada.userId(), ada.recoveryCodes().get(1))))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(challenge(ada.userId())).isEmpty();
    }

    @Test
    void givenAPendingEnrolmentStartedAgain_thenOnlyTheNewSecretConfirms() {
        String userId = newUser("tf" + UUID.randomUUID().toString().substring(0, 8));
        TotpCodes old = TotpCodes.fromUri(enrol(userId));
        TotpCodes current = TotpCodes.fromUri(enrol(userId));
        long step = TotpCodes.currentStep();

        if (!old.at(step).equals(current.at(step))) {
            assertThat(failure(() -> confirm(userId, old.at(step)))).isEqualTo(Status.Code.UNAUTHENTICATED);
        }
        assertThat(confirm(userId, current.at(step))).hasSize(10);
    }

    private Enrolled enrolled() {
        String username = "tf" + UUID.randomUUID().toString().substring(0, 8);
        String userId = newUser(username);
        TotpCodes codes = TotpCodes.fromUri(enrol(userId));
        long step = TotpCodes.currentStep();
        return new Enrolled(userId, username, codes, step, confirm(userId, codes.at(step)));
    }

    private static String enrol(String userId) {
        return DEADLINE.on(factors).startEnrolment(StartEnrolmentRequest.newBuilder().setUserId(userId).build())
                .getOtpauthUri();
    }

    private static List<String> confirm(String userId, String code) {
        return DEADLINE.on(factors).confirmEnrolment(ConfirmEnrolmentRequest.newBuilder().setUserId(userId)
                .setCode(code).build()).getRecoveryCodesList();
    }

    private static void disable(String userId, String code) {
        DEADLINE.on(factors).disable(DisableRequest.newBuilder().setUserId(userId).setCode(code).build());
    }

    private static boolean enabled(String userId) {
        return DEADLINE.on(factors).getStatus(GetStatusRequest.newBuilder().setUserId(userId).build()).getEnabled();
    }

    private static String challenge(String userId) {
        return DEADLINE.on(factors).startChallenge(StartChallengeRequest.newBuilder().setUserId(userId).build())
                .getChallenge();
    }

    private static VerifyChallengeResponse verify(String challenge, String code) {
        return DEADLINE.on(factors).verifyChallenge(VerifyChallengeRequest.newBuilder().setChallenge(challenge)
                .setCode(code).build());
    }

    private static String newUser(String name) {
        return DEADLINE.on(store).createUser(CreateUserRequest.newBuilder().setUsername(name)
                .setEmail(name + "@example.com").setPassword("correct horse battery").setDisplayName(name).build())
                .getUser().getId();
    }

    private static Status.Code failure(Runnable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("expected the call to fail").isNotNull();
        return error.getStatus().getCode();
    }

    /** Every column of the user's rows as text (bytea in hex and as Latin-1), to show what is not stored. */
    private static String tableText(String table, String userId) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = connect();
             var statement = connection.prepareStatement("SELECT * FROM " + table + " WHERE user_id = ?::uuid")) {
            statement.setString(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        Object value = rows.getObject(i);
                        if (value instanceof byte[] bytes) {
                            text.append(java.util.HexFormat.of().formatHex(bytes)).append(' ')
                                    .append(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                        } else {
                            text.append(value);
                        }
                        text.append('|');
                    }
                }
            }
        }
        return text.toString();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = connect(); var update = connection.createStatement()) {
            update.executeUpdate(statement);
        }
    }

    private static Connection connect() throws SQLException {
        var database = fixture.database();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
