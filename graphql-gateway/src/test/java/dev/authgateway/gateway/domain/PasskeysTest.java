package dev.authgateway.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Passkey logins (a whole login, no second factor asked), their attempt per address, and the audit trail. */
class PasskeysTest {

    private static final String ADA = AccountsTest.FakeDirectory.ADA.id();
    private static final RequestOrigin ORIGIN = new RequestOrigin("10.0.0.7", "r7");
    private static final Caller CALLER = new Caller(ADA, "session-1");

    private final List<String> calls = new ArrayList<>();
    private final FakePasskeys directory = new FakePasskeys(calls);
    private final RecordingLimits limits = new RecordingLimits(calls);
    private final Accounts accounts = new Accounts(new AccountsTest.FakeDirectory(), new AccountsTest.FakeTokens(),
            limits, new RecordingAudit(calls), SessionRevocations.NONE, java.time.Clock.systemUTC(),
            AccountEmail.NONE, new TotpEnabled(), directory);

    @Test
    void givenAnAcceptedAssertion_thenASessionAsLoginStartsOne_withoutMfaRequiredThoughTotpIsOn() {
        AuthResult result = accounts.passkeys().finishLogin("request-1", "{\"assertion\":1}", ORIGIN);

        assertThat(result.accessToken()).isEqualTo("token-for-" + ADA + "/session-1");
        assertThat(result.refreshToken()).isEqualTo("refresh-1");
        assertThat(result.user().id()).isEqualTo(ADA);
        assertThat(calls).containsExactly("reserve-passkey@10.0.0.7", "finish:request-1", "passkey-released",
                "audit:passkey_login_succeeded:" + ADA + "/passkey-1", "audit:logged_in");
    }

    @Test
    void givenARefusedAssertion_thenInvalidCredentials_andTheAddressKeepsTheFailure() {
        directory.finishFailure = new GatewayException(ErrorCode.INVALID_CREDENTIALS, "the passkey was not accepted");

        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> accounts.passkeys().finishLogin("request-1", "{}", ORIGIN));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(calls).containsExactly("reserve-passkey@10.0.0.7", "finish:request-1",
                "audit:passkey_login_failed:INVALID_CREDENTIALS");
    }

    @Test
    void givenAGoneRequestOrBadInput_thenTheReservationIsGivenBack() {
        directory.finishFailure = new GatewayException(ErrorCode.UNAUTHENTICATED, "start again");
        catchThrowableOfType(GatewayException.class, () -> accounts.passkeys().finishLogin("old", "{}", ORIGIN));
        directory.finishFailure = new GatewayException(ErrorCode.BAD_USER_INPUT, "not JSON", "response");
        catchThrowableOfType(GatewayException.class, () -> accounts.passkeys().finishLogin("new", "x", ORIGIN));

        assertThat(calls).containsExactly("reserve-passkey@10.0.0.7", "finish:old", "passkey-released",
                "audit:passkey_login_failed:UNAUTHENTICATED", "reserve-passkey@10.0.0.7", "finish:new",
                "passkey-released");
    }

    @Test
    void givenTheAddressOverTheLimit_thenNoAssertionIsChecked() {
        limits.refuse = GatewayException.rateLimited("too many failed passkey logins", Duration.ofSeconds(60));

        GatewayException limited = catchThrowableOfType(GatewayException.class,
                () -> accounts.passkeys().finishLogin("request-1", "{}", ORIGIN));

        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(calls).containsExactly("audit:passkey_login_failed:RATE_LIMITED");
    }

    @Test
    void givenRegistrationAndRemoval_thenEachIsTheCallersAndAudited_andANoOpRemovalIsNot() {
        PasskeyOptions options = accounts.passkeys().startRegistration(CALLER);
        Passkey registered = accounts.passkeys().finishRegistration(CALLER, "{\"credential\":1}", "Laptop", ORIGIN);
        boolean removed = accounts.passkeys().remove(CALLER, registered.id(), ORIGIN);
        boolean again = accounts.passkeys().remove(CALLER, registered.id(), ORIGIN);

        assertThat(options.optionsJson()).isEqualTo("{\"challenge\":\"c\"}");
        assertThat(registered.name()).isEqualTo("Laptop");
        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(calls).containsExactly("start-registration:" + ADA, "finish-registration:" + ADA + "/Laptop",
                "audit:passkey_registered:" + ADA + "/passkey-1", "remove:" + ADA + "/passkey-1",
                "audit:passkey_removed:" + ADA + "/passkey-1", "remove:" + ADA + "/passkey-1");
    }

    @Test
    void givenNoPasskeyDirectory_thenListsAreEmptyAndEverythingElseUnavailable() {
        Passkeys none = new Accounts(new AccountsTest.FakeDirectory(), new AccountsTest.FakeTokens()).passkeys();

        assertThat(none.list(ADA)).isEmpty();
        assertThat(catchThrowableOfType(GatewayException.class, () -> none.startLogin(null)).code())
                .isEqualTo(ErrorCode.UNAVAILABLE);
    }

    private static final class FakePasskeys implements PasskeyDirectory {
        private final List<String> calls;
        GatewayException finishFailure;
        boolean registered;

        FakePasskeys(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public PasskeyOptions startRegistration(String userId) {
            calls.add("start-registration:" + userId);
            return new PasskeyOptions(null, "{\"challenge\":\"c\"}", Instant.now().plusSeconds(300));
        }

        @Override
        public Passkey finishRegistration(String userId, String responseJson, String name) {
            calls.add("finish-registration:" + userId + "/" + name);
            registered = true;
            return new Passkey("passkey-1", name, Instant.now(), null);
        }

        @Override
        public List<Passkey> list(String userId) {
            return List.of();
        }

        @Override
        public boolean remove(String userId, String passkeyId) {
            calls.add("remove:" + userId + "/" + passkeyId);
            boolean had = registered;
            registered = false;
            return had;
        }

        @Override
        public PasskeyOptions startLogin(String login) {
            return new PasskeyOptions("request-1", "{}", Instant.now().plusSeconds(300));
        }

        @Override
        public PasskeyLogin finishLogin(String requestId, String responseJson) {
            calls.add("finish:" + requestId);
            if (finishFailure != null) {
                throw finishFailure;
            }
            return new PasskeyLogin(ADA, "passkey-1");
        }
    }

    /** Every user has TOTP on: a password login would answer MFA_REQUIRED. */
    private static final class TotpEnabled implements SecondFactorDirectory {
        @Override
        public boolean enabled(String userId) {
            return true;
        }

        @Override
        public String startEnrolment(String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> confirmEnrolment(String userId, String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean disable(String userId, String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SecondFactorChallenge> startChallenge(String userId) {
            return Optional.of(new SecondFactorChallenge("challenge", Instant.now().plusSeconds(300)));
        }

        @Override
        public String resolveChallenge(String challenge) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VerifiedCode verifyChallenge(String challenge, String code) {
            throw new UnsupportedOperationException();
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
        }

        @Override
        public void release(LoginAttempt attempt) {
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }

        @Override
        public LoginAttempt reservePasskeyLogin(String clientAddress) {
            if (refuse != null) {
                throw refuse;
            }
            calls.add("reserve-passkey@" + clientAddress);
            return new LoginAttempt("", clientAddress, true);
        }

        @Override
        public void releasePasskeyLogin(LoginAttempt attempt) {
            calls.add("passkey-released");
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
        public void passkeyRegistered(String userId, String passkeyId, RequestOrigin origin) {
            calls.add("audit:passkey_registered:" + userId + "/" + passkeyId);
        }

        @Override
        public void passkeyRemoved(String userId, String passkeyId, RequestOrigin origin) {
            calls.add("audit:passkey_removed:" + userId + "/" + passkeyId);
        }

        @Override
        public void passkeyLoginSucceeded(String userId, String passkeyId, RequestOrigin origin) {
            calls.add("audit:passkey_login_succeeded:" + userId + "/" + passkeyId);
        }

        @Override
        public void passkeyLoginFailed(ErrorCode reason, RequestOrigin origin) {
            calls.add("audit:passkey_login_failed:" + reason);
        }
    }
}
