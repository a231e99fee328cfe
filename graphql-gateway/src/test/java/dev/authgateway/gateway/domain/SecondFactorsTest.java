package dev.authgateway.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Login with a second factor, and the attempt reserved before every code is checked. */
class SecondFactorsTest {

    private static final String ADA = AccountsTest.FakeDirectory.ADA.id();
    private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.1", "r1");
    private static final Caller CALLER = new Caller(ADA, "session-1");

    private final List<String> calls = new ArrayList<>();
    private final FakeFactors factors = new FakeFactors(calls);
    private final RecordingAudit audit = new RecordingAudit(calls);
    private final Accounts accounts = new Accounts(new AccountsTest.FakeDirectory(), new AccountsTest.FakeTokens(),
            new RecordingLimits(calls), audit, SessionRevocations.NONE, java.time.Clock.systemUTC(), factors);

    @Test
    void givenAConfirmedFactor_thenTheRightPasswordAnswersMfaRequiredWithAChallenge_andNoSession() {
        factors.challenge = new SecondFactorChallenge("challenge-1", Instant.now().plus(Duration.ofMinutes(5)));

        GatewayException required = catchThrowableOfType(GatewayException.class,
                () -> accounts.logIn("ada", "correct horse", ORIGIN));

        assertThat(required.code()).isEqualTo(ErrorCode.MFA_REQUIRED);
        assertThat(required.challenge()).contains(factors.challenge);
        assertThat(calls).containsExactly("login-succeeded", "start-challenge:" + ADA, "audit:challenge_issued")
                .doesNotContain("audit:logged_in");
    }

    @Test
    void givenNoFactor_thenLoginStartsASessionAsBefore() {
        AuthResult result = accounts.logIn("ada", "correct horse", ORIGIN);

        assertThat(result.accessToken()).isEqualTo("token-for-" + ADA + "/session-1");
        assertThat(calls).endsWith("start-challenge:" + ADA, "audit:logged_in");
    }

    @Test
    void givenTheChallengeAndARightCode_thenWhatLoginAnswers_afterTheAttemptWasReservedOnTheUser() {
        AuthResult result = accounts.secondFactors().completeLogin("challenge-1", "123456", ORIGIN);

        assertThat(result.accessToken()).isEqualTo("token-for-" + ADA + "/session-1");
        assertThat(result.refreshToken()).isEqualTo("refresh-1");
        assertThat(calls).containsExactly("resolve:challenge-1", "reserve-mfa:" + ADA + "@10.0.0.1",
                "verify:challenge-1/123456", "mfa-succeeded", "audit:mfa_succeeded", "audit:logged_in");
    }

    @Test
    void givenARecoveryCode_thenItsUseIsAudited() {
        factors.recovery = true;

        accounts.secondFactors().completeLogin("challenge-1", "abcd-efgh-jkmn-pqrs", ORIGIN);

        assertThat(calls).contains("audit:recovery_code_used:9");
    }

    @Test
    void givenAWrongCode_thenTheReservationStandsAsTheFailure() {
        factors.verifyFailure = new GatewayException(ErrorCode.INVALID_CREDENTIALS, "invalid code");

        GatewayException wrong = catchThrowableOfType(GatewayException.class,
                () -> accounts.secondFactors().completeLogin("challenge-1", "000000", ORIGIN));

        assertThat(wrong.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(calls).endsWith("verify:challenge-1/000000", "audit:mfa_failed:login:INVALID_CREDENTIALS")
                .doesNotContain("mfa-released", "mfa-succeeded");
    }

    @Test
    void givenAChallengeThatIsGone_thenNothingIsReservedNorChecked() {
        factors.resolveFailure = new GatewayException(ErrorCode.UNAUTHENTICATED, "log in again");

        GatewayException gone = catchThrowableOfType(GatewayException.class,
                () -> accounts.secondFactors().completeLogin("expired", "123456", ORIGIN));

        assertThat(gone.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(calls).containsExactly("resolve:expired", "audit:mfa_failed:login:UNAUTHENTICATED");
    }

    @Test
    void givenTheChallengeBurntWhileChecking_thenTheReservationIsGivenBack() {
        factors.verifyFailure = new GatewayException(ErrorCode.UNAUTHENTICATED, "log in again");

        catchThrowableOfType(GatewayException.class,
                () -> accounts.secondFactors().completeLogin("challenge-1", "123456", ORIGIN));

        assertThat(calls).contains("mfa-released");
    }

    @Test
    void givenTheUserOverTheLimit_thenNoCodeIsChecked_evenForConfirmingOrDisabling() {
        RecordingLimits limits = new RecordingLimits(calls);
        limits.refuse = GatewayException.rateLimited("too many wrong codes", Duration.ofSeconds(90));
        SecondFactors limited = new Accounts(new AccountsTest.FakeDirectory(), new AccountsTest.FakeTokens(), limits,
                audit, SessionRevocations.NONE, java.time.Clock.systemUTC(), factors).secondFactors();

        for (Runnable attempt : List.<Runnable>of(
                () -> limited.completeLogin("challenge-1", "123456", ORIGIN),
                () -> limited.confirm(CALLER, "123456", ORIGIN),
                () -> limited.disable(CALLER, "123456", ORIGIN))) {
            GatewayException refused = catchThrowableOfType(GatewayException.class, attempt::run);
            assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(refused.retryAfter()).contains(Duration.ofSeconds(90));
        }
        assertThat(calls).noneMatch(call -> call.startsWith("verify") || call.startsWith("confirm")
                || call.startsWith("disable"));
        assertThat(calls).contains("audit:mfa_failed:login:RATE_LIMITED", "audit:mfa_failed:confirm:RATE_LIMITED",
                "audit:mfa_failed:disable:RATE_LIMITED");
    }

    @Test
    void givenConfirmAndDisable_thenEachIsAudited() {
        assertThat(accounts.secondFactors().confirm(CALLER, "123456", ORIGIN)).hasSize(10);
        accounts.secondFactors().disable(CALLER, "123456", ORIGIN);

        assertThat(calls).containsSubsequence("confirm:" + ADA + "/123456", "mfa-succeeded", "audit:mfa_enabled",
                "disable:" + ADA + "/123456", "mfa-succeeded", "audit:mfa_disabled");
    }

    private static final class FakeFactors implements SecondFactorDirectory {
        private final List<String> calls;
        SecondFactorChallenge challenge;
        GatewayException resolveFailure;
        GatewayException verifyFailure;
        boolean recovery;

        FakeFactors(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public boolean enabled(String userId) {
            return challenge != null;
        }

        @Override
        public String startEnrolment(String userId) {
            return "otpauth://totp/authgateway:ada?secret=AAAA";
        }

        @Override
        public List<String> confirmEnrolment(String userId, String code) {
            calls.add("confirm:" + userId + "/" + code);
            return List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        }

        @Override
        public boolean disable(String userId, String code) {
            calls.add("disable:" + userId + "/" + code);
            return false;
        }

        @Override
        public Optional<SecondFactorChallenge> startChallenge(String userId) {
            calls.add("start-challenge:" + userId);
            return Optional.ofNullable(challenge);
        }

        @Override
        public String resolveChallenge(String token) {
            calls.add("resolve:" + token);
            if (resolveFailure != null) {
                throw resolveFailure;
            }
            return ADA;
        }

        @Override
        public VerifiedCode verifyChallenge(String token, String code) {
            calls.add("verify:" + token + "/" + code);
            if (verifyFailure != null) {
                throw verifyFailure;
            }
            return new VerifiedCode(ADA, recovery, recovery ? 9 : 0);
        }
    }

    private static final class RecordingLimits implements AttemptLimits {
        private final List<String> calls;
        GatewayException refuse;

        RecordingLimits(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public LoginAttempt reserveLogin(String limitKey, String clientAddress) {
            return new LoginAttempt(limitKey, clientAddress, true);
        }

        @Override
        public void loginSucceeded(LoginAttempt attempt) {
            calls.add("login-succeeded");
        }

        @Override
        public void release(LoginAttempt attempt) {
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }

        @Override
        public LoginAttempt reserveSecondFactor(String userId, String clientAddress) {
            if (refuse != null) {
                throw refuse;
            }
            calls.add("reserve-mfa:" + userId + "@" + clientAddress);
            return new LoginAttempt(userId, clientAddress, true);
        }

        @Override
        public void secondFactorSucceeded(LoginAttempt attempt) {
            calls.add("mfa-succeeded");
        }

        @Override
        public void releaseSecondFactor(LoginAttempt attempt) {
            calls.add("mfa-released");
        }
    }

    private record RecordingAudit(List<String> calls) implements AuditEvents {
        @Override
        public void signedUp(User user, RequestOrigin origin) {
        }

        @Override
        public void loggedIn(User user, RequestOrigin origin) {
            calls.add("audit:logged_in");
        }

        @Override
        public void loginFailed(String login, ErrorCode reason, RequestOrigin origin) {
        }

        @Override
        public void profileUpdated(String userId, RequestOrigin origin) {
        }

        @Override
        public void refreshed(Session session, RequestOrigin origin) {
        }

        @Override
        public void refreshTokenReused(Session session, RequestOrigin origin) {
        }

        @Override
        public void loggedOut(Caller caller, List<String> endedSessions, boolean everywhere, RequestOrigin origin) {
        }

        @Override
        public void secondFactorEnabled(String userId, RequestOrigin origin) {
            calls.add("audit:mfa_enabled");
        }

        @Override
        public void secondFactorDisabled(String userId, boolean recoveryCodeUsed, RequestOrigin origin) {
            calls.add("audit:mfa_disabled");
        }

        @Override
        public void secondFactorChallengeIssued(String userId, RequestOrigin origin) {
            calls.add("audit:challenge_issued");
        }

        @Override
        public void secondFactorSucceeded(String userId, RequestOrigin origin) {
            calls.add("audit:mfa_succeeded");
        }

        @Override
        public void recoveryCodeUsed(String userId, int recoveryCodesLeft, RequestOrigin origin) {
            calls.add("audit:recovery_code_used:" + recoveryCodesLeft);
        }

        @Override
        public void secondFactorFailed(String userId, String operation, ErrorCode reason, RequestOrigin origin) {
            calls.add("audit:mfa_failed:" + operation + ":" + reason);
        }
    }
}
