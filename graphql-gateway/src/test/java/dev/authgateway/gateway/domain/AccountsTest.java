package dev.authgateway.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountsTest {

    private static final Caller ADA_CALLER = new Caller(FakeDirectory.ADA.id(), "session-1");

    private final FakeDirectory directory = new FakeDirectory();
    private final RecordingRevocations revocations = new RecordingRevocations();
    private final Accounts accounts = new Accounts(directory, new FakeTokens(), AttemptLimits.NONE, AuditEvents.NONE,
            revocations, java.time.Clock.systemUTC());

    @Test
    void givenARefreshTokenUsedTwice_thenUnauthenticatedAndTheSessionsAccessTokensAreRevoked() {
        AuthResult refreshed = accounts.refresh("refresh-1", RequestOrigin.UNKNOWN);
        assertThat(refreshed.refreshToken()).isEqualTo("refresh-2");

        GatewayException reuse = catchThrowableOfType(GatewayException.class,
                () -> accounts.refresh("refresh-1-again", RequestOrigin.UNKNOWN));

        assertThat(reuse.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(revocations.revoked).containsExactly("session-1");
        assertThat(catchThrowableOfType(GatewayException.class, () -> accounts.authenticate(
                "token-for-" + FakeDirectory.ADA.id() + "/session-1")).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void givenLogoutEverywhere_thenEverySessionAndTheCurrentOneAreRevoked() {
        accounts.logOutEverywhere(new Caller(FakeDirectory.ADA.id(), "session-3"), RequestOrigin.UNKNOWN);

        assertThat(revocations.revoked).containsExactlyInAnyOrder("session-1", "session-2", "session-3");
    }

    private static final class RecordingRevocations implements SessionRevocations {
        final List<String> revoked = new ArrayList<>();

        @Override
        public void revoke(String sessionId) {
            revoked.add(sessionId);
        }

        @Override
        public boolean isRevoked(String sessionId) {
            return revoked.contains(sessionId);
        }
    }

    @Test
    void givenALogin_thenTheAttemptIsReservedOnTheResolvedAccountBeforeThePasswordIsChecked() {
        RecordingLimits limits = new RecordingLimits(directory.calls);
        Accounts limited = new Accounts(directory, new FakeTokens(), limits, AuditEvents.NONE, revocations,
                java.time.Clock.systemUTC());

        limited.logIn("ADA@example.com", "correct horse", new RequestOrigin("10.0.0.1", "r1"));

        assertThat(directory.calls).containsExactly("resolve:ADA@example.com",
                "reserve:user:" + FakeDirectory.ADA.id() + "@10.0.0.1", "verify", "succeeded");
    }

    @Test
    void givenAWrongPassword_thenTheReservationStandsAsTheFailure() {
        RecordingLimits limits = new RecordingLimits(directory.calls);
        directory.verifyFailure = new GatewayException(ErrorCode.INVALID_CREDENTIALS, "invalid login or password");

        catchThrowableOfType(GatewayException.class, () -> new Accounts(directory, new FakeTokens(), limits,
                AuditEvents.NONE, revocations, java.time.Clock.systemUTC())
                .logIn("ada", "wrong", new RequestOrigin("10.0.0.1", "r1")));

        assertThat(directory.calls).endsWith("verify").doesNotContain("released", "succeeded");
    }

    @Test
    void givenTheStoreUnavailableOrABadPassword_thenTheReservationIsGivenBack() {
        RecordingLimits limits = new RecordingLimits(directory.calls);
        directory.verifyFailure = new GatewayException(ErrorCode.BAD_USER_INPUT, "password bad", "password");

        catchThrowableOfType(GatewayException.class, () -> new Accounts(directory, new FakeTokens(), limits,
                AuditEvents.NONE, revocations, java.time.Clock.systemUTC())
                .logIn("ada", "bad\u0000", new RequestOrigin("10.0.0.1", "r1")));

        assertThat(directory.calls).endsWith("verify", "released");
    }

    private record RecordingLimits(List<String> calls) implements AttemptLimits {
        @Override
        public LoginAttempt reserveLogin(String limitKey, String clientAddress) {
            calls.add("reserve:" + limitKey + "@" + clientAddress);
            return new LoginAttempt(limitKey, clientAddress, true);
        }

        @Override
        public void loginSucceeded(LoginAttempt attempt) {
            calls.add("succeeded");
        }

        @Override
        public void release(LoginAttempt attempt) {
            calls.add("released");
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }
    }

    @Test
    void givenASignup_thenTheTokenIsForTheNewUser() {
        AuthResult result = accounts.signUp(new NewAccount("ada", "ada@example.com", "correct horse", "Ada"), RequestOrigin.UNKNOWN);

        assertThat(result.accessToken()).isEqualTo("token-for-" + FakeDirectory.ADA.id() + "/session-1");
        assertThat(result.refreshToken()).isEqualTo("refresh-1");
        assertThat(result.refreshExpiresIn()).isBetween(3590L, 3600L);
        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.expiresIn()).isEqualTo(900);
        assertThat(result.toString()).doesNotContain(result.accessToken());
    }

    @Test
    void givenAnUpdate_thenTheDirectoryWritesItOnceAndTheNewNameIsAnswered() {
        User updated = accounts.updateProfile(ADA_CALLER, "Ada Lovelace", RequestOrigin.UNKNOWN);

        assertThat(updated.displayName()).isEqualTo("Ada Lovelace");
        assertThat(directory.calls).containsExactly("update:Ada Lovelace");
    }

    @Test
    void givenAnUpdateTheDirectoryCannotConfirm_thenItsUnavailableReachesTheCallerRatherThanAStaleSuccess() {
        directory.updateFailure = new GatewayException(ErrorCode.UNAVAILABLE, "profile saved; retry");

        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> accounts.updateProfile(ADA_CALLER, "Ada Lovelace", RequestOrigin.UNKNOWN));

        assertThat(error).isSameAs(directory.updateFailure);
        assertThat(directory.calls).containsExactly("update:Ada Lovelace");
    }

    static final class FakeDirectory implements UserDirectory {
        static final User ADA = new User("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60", "ada", "ada@example.com", "Ada",
                Instant.parse("2026-01-01T00:00:00Z"));
        final List<String> calls = new ArrayList<>();
        GatewayException updateFailure;
        GatewayException verifyFailure;

        @Override
        public User create(NewAccount account) {
            return ADA;
        }

        @Override
        public LoginSubject resolveLogin(String login) {
            calls.add("resolve:" + login);
            return new LoginSubject(ADA.id(), login.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public User verifyCredentials(String login, String password) {
            calls.add("verify");
            if (verifyFailure != null) {
                throw verifyFailure;
            }
            return ADA;
        }

        @Override
        public User get(String userId) {
            return ADA;
        }

        @Override
        public User updateDisplayName(String userId, String displayName) {
            calls.add("update:" + displayName);
            if (updateFailure != null) {
                throw updateFailure;
            }
            return new User(ADA.id(), ADA.username(), ADA.email(), displayName, ADA.createdAt());
        }

        @Override
        public Session startSession(String userId) {
            return new Session("refresh-1", "session-1", userId, Instant.now().plusSeconds(3600), false);
        }

        @Override
        public Session refreshSession(String refreshToken) {
            return refreshToken.equals("refresh-1")
                    ? new Session("refresh-2", "session-1", ADA.id(), Instant.now().plusSeconds(3600), false)
                    : new Session("", "session-1", ADA.id(), Instant.now(), true);
        }

        @Override
        public List<String> endSession(String sessionId, String userId) {
            return List.of(sessionId);
        }

        @Override
        public List<String> endAllSessions(String userId) {
            return List.of("session-1", "session-2");
        }
    }

    static final class FakeTokens implements AccessTokens {
        @Override
        public IssuedToken issue(String userId, String sessionId) {
            return new IssuedToken("token-for-" + userId + "/" + sessionId, Duration.ofMinutes(15));
        }

        @Override
        public Caller verify(String token) {
            String[] parts = token.substring("token-for-".length()).split("/");
            return new Caller(parts[0], parts[1]);
        }
    }
}
