package dev.authgateway.gateway.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gateway's mail use cases around a store double: revocations, login limits, the verified-email rule. */
class AccountEmailTest {

    private static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.7", "req-1");
    private static final Caller CALLER = new Caller("u-1", "s-mine");

    private final List<String> revoked = new ArrayList<>();
    private final List<String> limitEvents = new ArrayList<>();
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
            limitEvents.add("reserve " + limitKey);
            return new LoginAttempt(limitKey, clientAddress, false);
        }

        @Override
        public void loginSucceeded(LoginAttempt attempt) {
            limitEvents.add("succeeded");
        }

        @Override
        public void release(LoginAttempt attempt) {
            limitEvents.add("released");
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }
    };

    @Test
    void givenAReset_thenEveryEndedSessionIsRevoked() {
        AccountEmail email = new AccountEmail(mailbox(null, List.of("s-1", "s-2")), revocations, limits,
                MailAuditEvents.NONE, false);

        email.resetPassword("token", "new password", ORIGIN);

        assertThat(revoked).containsExactly("s-1", "s-2");
    }

    @Test
    void givenAWrongCurrentPassword_thenTheAttemptCountsAsAFailedLoginOfTheAccount() {
        AccountEmail email = new AccountEmail(mailbox(new GatewayException(ErrorCode.INVALID_CREDENTIALS, "no"),
                List.of()), revocations, limits, MailAuditEvents.NONE, false);

        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> email.changePassword(CALLER, "wrong", "new password", ORIGIN));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(limitEvents).containsExactly("reserve user:u-1");
    }

    @Test
    void givenAPasswordChange_thenTheOtherSessionsAreRevokedAndTheAttemptSucceeds() {
        AccountEmail email = new AccountEmail(mailbox(null, List.of("s-other")), revocations, limits,
                MailAuditEvents.NONE, false);

        email.changePassword(CALLER, "current", "new password", ORIGIN);

        assertThat(revoked).containsExactly("s-other");
        assertThat(limitEvents).containsExactly("reserve user:u-1", "succeeded");
    }

    @Test
    void givenRequiredVerification_thenOnlyAnUnverifiedAccountIsRefused() {
        User user = new User("u-1", "ada", "ada@example.org", "Ada", java.time.Instant.EPOCH);
        AccountEmail required = new AccountEmail(mailbox(null, List.of(), false), revocations, limits,
                MailAuditEvents.NONE, true);
        AccountEmail optional = new AccountEmail(mailbox(null, List.of(), false), revocations, limits,
                MailAuditEvents.NONE, false);

        assertThat(catchThrowableOfType(GatewayException.class, () -> required.checkLogin(user, ORIGIN)).code())
                .isEqualTo(ErrorCode.EMAIL_NOT_VERIFIED);
        optional.checkLogin(user, ORIGIN);
        new AccountEmail(mailbox(null, List.of(), true), revocations, limits, MailAuditEvents.NONE, true)
                .checkLogin(user, ORIGIN);
    }

    private static AccountMailbox mailbox(GatewayException failure, List<String> ended) {
        return mailbox(failure, ended, true);
    }

    private static AccountMailbox mailbox(GatewayException failure, List<String> ended, boolean verified) {
        return new AccountMailbox() {
            @Override
            public boolean emailVerified(String userId) {
                return verified;
            }

            @Override
            public boolean resendVerification(String userId) {
                return true;
            }

            @Override
            public String verifyEmail(String token) {
                return "u-1";
            }

            @Override
            public void requestPasswordReset(String email) {
            }

            @Override
            public PasswordReplaced resetPassword(String token, String newPassword) {
                return replaced("u-1");
            }

            @Override
            public PasswordReplaced changePassword(String userId, String sessionId, String current, String next) {
                return replaced(userId);
            }

            private PasswordReplaced replaced(String userId) {
                if (failure != null) {
                    throw failure;
                }
                return new PasswordReplaced(userId, ended);
            }
        };
    }
}
