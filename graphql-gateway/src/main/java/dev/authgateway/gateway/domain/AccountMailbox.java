package dev.authgateway.gateway.domain;

import java.util.List;

/**
 * The account lifecycle by mail, wherever it is kept (the store writes each message with the change that causes it
 * and sends it later). Failures are {@link GatewayException}s: INVALID_TOKEN for any mailed token that does not work,
 * RATE_LIMITED past the mail limit, BAD_USER_INPUT naming the field, INVALID_CREDENTIALS for a wrong current password.
 */
public interface AccountMailbox {

    boolean emailVerified(String userId);

    /** False when the address is already verified (nothing is sent). */
    boolean resendVerification(String userId);

    /** The user whose address was verified. */
    String verifyEmail(String token);

    /** Answers alike whether or not an account uses the address. */
    void requestPasswordReset(String email);

    PasswordReplaced resetPassword(String token, String newPassword);

    PasswordReplaced changePassword(String userId, String sessionId, String currentPassword, String newPassword);

    /** Whose password was replaced, and the sessions that ended with it. */
    record PasswordReplaced(String userId, List<String> endedSessions) {
    }

    /** For a gateway without mail: every operation is UNAVAILABLE, and no address counts as verified. */
    AccountMailbox NONE = new AccountMailbox() {
        @Override
        public boolean emailVerified(String userId) {
            return false;
        }

        @Override
        public boolean resendVerification(String userId) {
            throw unavailable();
        }

        @Override
        public String verifyEmail(String token) {
            throw unavailable();
        }

        @Override
        public void requestPasswordReset(String email) {
            throw unavailable();
        }

        @Override
        public PasswordReplaced resetPassword(String token, String newPassword) {
            throw unavailable();
        }

        @Override
        public PasswordReplaced changePassword(String userId, String sessionId, String currentPassword,
                                               String newPassword) {
            throw unavailable();
        }

        private GatewayException unavailable() {
            return new GatewayException(ErrorCode.UNAVAILABLE, "account mail is not configured");
        }
    };
}
