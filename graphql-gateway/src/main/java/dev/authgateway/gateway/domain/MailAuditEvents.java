package dev.authgateway.gateway.domain;

import java.util.List;

/** Security events of the account lifecycle by mail. Never a token, a password or (for resets) the typed address. */
public interface MailAuditEvents {

    void verificationResent(String userId, boolean sent, RequestOrigin origin);

    void emailVerified(String userId, RequestOrigin origin);

    /** A reset was asked for: whether or not an account uses the address is not recorded here either. */
    void passwordResetRequested(RequestOrigin origin);

    void passwordReset(String userId, List<String> endedSessions, RequestOrigin origin);

    void passwordChanged(String userId, List<String> endedSessions, RequestOrigin origin);

    /** A mail operation refused: INVALID_TOKEN, RATE_LIMITED, INVALID_CREDENTIALS, EMAIL_NOT_VERIFIED. */
    void mailFlowRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin);

    MailAuditEvents NONE = new MailAuditEvents() {
        @Override
        public void verificationResent(String userId, boolean sent, RequestOrigin origin) {
        }

        @Override
        public void emailVerified(String userId, RequestOrigin origin) {
        }

        @Override
        public void passwordResetRequested(RequestOrigin origin) {
        }

        @Override
        public void passwordReset(String userId, List<String> endedSessions, RequestOrigin origin) {
        }

        @Override
        public void passwordChanged(String userId, List<String> endedSessions, RequestOrigin origin) {
        }

        @Override
        public void mailFlowRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin) {
        }
    };
}
