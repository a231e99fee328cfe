package dev.authgateway.gateway.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The lifecycle use cases around a store double: ownership, revocations, login limits, audit. */
class AccountLifecycleTest {

    private static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.7", "req-1", "Firefox");
    private static final String MINE = "00000000-0000-0000-0000-00000000000a";
    private static final String OTHER = "00000000-0000-0000-0000-00000000000b";
    private static final Caller CALLER = new Caller("u-1", MINE);
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    private final List<String> revoked = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private RuntimeException deleteFailure;

    private final SessionRevocations revocations = new SessionRevocations() {
        @Override
        public void revoke(String sessionId) {
            revoked.add(sessionId);
        }

        @Override
        public boolean isRevoked(String sessionId) {
            return revoked.contains(sessionId);
        }
    };

    private final AttemptLimits limits = new AttemptLimits() {
        @Override
        public LoginAttempt reserveLogin(String limitKey, String clientAddress) {
            events.add("reserve " + limitKey);
            return new LoginAttempt(limitKey, clientAddress, false);
        }

        @Override
        public void loginSucceeded(LoginAttempt attempt) {
            events.add("succeeded");
        }

        @Override
        public void release(LoginAttempt attempt) {
            events.add("released");
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }
    };

    private final LifecycleDirectory directory = new LifecycleDirectory() {
        @Override
        public List<SessionInfo> sessions(String userId) {
            return List.of(session(MINE), session(OTHER));
        }

        @Override
        public List<String> endSession(String sessionId, String userId) {
            return userId.equals(CALLER.userId()) && List.of(MINE, OTHER).contains(sessionId)
                    ? List.of(sessionId) : List.of();
        }

        @Override
        public List<String> deleteAccount(String userId, String currentPassword, String code) {
            if (deleteFailure != null) {
                throw deleteFailure;
            }
            return List.of(OTHER, "00000000-0000-0000-0000-00000000000c");
        }

        @Override
        public AccountExport export(String userId) {
            return new AccountExport(new User(userId, "ada", "ada@example.org", "Ada", NOW), NOW,
                    Optional.of(NOW), Optional.empty(), List.of(session(OTHER), session(MINE)), null);
        }

        @Override
        public void requestEmailChange(String userId, String newEmail, String currentPassword) {
            throw new GatewayException(ErrorCode.INVALID_CREDENTIALS, "wrong", "currentPassword");
        }

        @Override
        public User confirmEmailChange(String token) {
            throw new GatewayException(ErrorCode.INVALID_TOKEN, "invalid or expired token", "token");
        }
    };

    private final LifecycleAuditEvents audit = new LifecycleAuditEvents() {
        @Override
        public void sessionEnded(String userId, String sessionId, RequestOrigin origin) {
            events.add("audit ended " + sessionId);
        }

        @Override
        public void accountDeleted(String userId, List<String> endedSessions, RequestOrigin origin) {
            events.add("audit deleted " + endedSessions.size());
        }

        @Override
        public void accountExported(String userId, RequestOrigin origin) {
            events.add("audit exported");
        }

        @Override
        public void emailChangeRequested(String userId, RequestOrigin origin) {
            events.add("audit change requested");
        }

        @Override
        public void emailChanged(String userId, RequestOrigin origin) {
            events.add("audit changed");
        }

        @Override
        public void lifecycleRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin) {
            events.add("audit refused " + operation + " " + reason);
        }
    };

    private final AccountLifecycle lifecycle = new AccountLifecycle(directory, revocations, limits, audit,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenTheSessions_thenOnlyTheCallersOwnIsCurrent() {
        assertThat(lifecycle.sessions(CALLER)).extracting(SessionInfo::id, SessionInfo::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MINE, true),
                        org.assertj.core.groups.Tuple.tuple(OTHER, false));
    }

    @Test
    void givenASessionThatIsNotTheCallersOrNoId_thenSessionNotFound_andNothingIsRevoked() {
        for (String id : List.of("00000000-0000-0000-0000-0000000000ff", "not-a-uuid", "")) {
            GatewayException refused = catchThrowableOfType(GatewayException.class,
                    () -> lifecycle.endSession(CALLER, id, ORIGIN));
            assertThat(refused.code()).isEqualTo(ErrorCode.SESSION_NOT_FOUND);
        }
        assertThat(revoked).isEmpty();

        lifecycle.endSession(CALLER, OTHER, ORIGIN);

        assertThat(revoked).containsExactly(OTHER);
        assertThat(events).contains("audit ended " + OTHER);
    }

    @Test
    void givenADeletion_thenEverySessionIsRevoked_theCallersToo_andTheAttemptCountsAsALogin() {
        lifecycle.deleteAccount(CALLER, "pw", null, ORIGIN);

        assertThat(revoked).containsExactlyInAnyOrder(MINE, OTHER, "00000000-0000-0000-0000-00000000000c");
        assertThat(events).containsSubsequence("reserve user:u-1", "succeeded", "audit deleted 3");
    }

    @Test
    void givenAWrongPassword_thenNothingIsRevoked_andTheFailureKeepsItsAttempt() {
        deleteFailure = new GatewayException(ErrorCode.INVALID_CREDENTIALS, "wrong", "currentPassword");

        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> lifecycle.deleteAccount(CALLER, "nope", null, ORIGIN));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(revoked).isEmpty();
        assertThat(events).contains("audit refused deleteAccount INVALID_CREDENTIALS").doesNotContain("released");
    }

    @Test
    void givenADeletionSavedButTheCacheUnconfirmed_thenTheSessionsAreRevokedAllTheSame() {
        deleteFailure = new GatewayException(ErrorCode.UNAVAILABLE, "saved but not confirmed");

        catchThrowableOfType(GatewayException.class, () -> lifecycle.deleteAccount(CALLER, "pw", "", ORIGIN));

        assertThat(revoked).containsExactlyInAnyOrder(MINE, OTHER);
        assertThat(events).contains("released");
    }

    @Test
    void givenAnExport_thenItIsStampedAndTheCurrentSessionMarked() {
        AccountExport export = lifecycle.export(CALLER, ORIGIN);

        assertThat(export.exportedAt()).isEqualTo(NOW);
        assertThat(export.sessions()).filteredOn(SessionInfo::current).extracting(SessionInfo::id)
                .containsExactly(MINE);
        assertThat(events).contains("audit exported");
    }

    @Test
    void givenRefusedEmailChanges_thenTheyAreAudited() {
        catchThrowableOfType(GatewayException.class,
                () -> lifecycle.requestEmailChange(CALLER, "new@example.org", "nope", ORIGIN));
        catchThrowableOfType(GatewayException.class, () -> lifecycle.confirmEmailChange("t", ORIGIN));

        assertThat(events).contains("audit refused requestEmailChange INVALID_CREDENTIALS",
                "audit refused confirmEmailChange INVALID_TOKEN");
    }

    private static SessionInfo session(String id) {
        return new SessionInfo(id, "Firefox", "198.51.100.7", NOW, NOW, NOW.plusSeconds(3600), false);
    }
}
