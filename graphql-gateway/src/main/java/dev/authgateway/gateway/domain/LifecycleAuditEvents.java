package dev.authgateway.gateway.domain;

import java.util.List;

/** Security events of the account lifecycle. Never a password, a code, a token or an address. */
public interface LifecycleAuditEvents {

    /** The caller ended one of its sessions (perhaps its own). */
    void sessionEnded(String userId, String sessionId, RequestOrigin origin);

    void accountDeleted(String userId, List<String> endedSessions, RequestOrigin origin);

    void accountExported(String userId, RequestOrigin origin);

    void emailChangeRequested(String userId, RequestOrigin origin);

    void emailChanged(String userId, RequestOrigin origin);

    /**
     * A lifecycle operation refused: endSession (SESSION_NOT_FOUND), deleteAccount and requestEmailChange
     * (INVALID_CREDENTIALS, RATE_LIMITED), confirmEmailChange (INVALID_TOKEN, CONFLICT).
     */
    void lifecycleRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin);

    LifecycleAuditEvents NONE = new LifecycleAuditEvents() {
        @Override
        public void sessionEnded(String userId, String sessionId, RequestOrigin origin) {
        }

        @Override
        public void accountDeleted(String userId, List<String> endedSessions, RequestOrigin origin) {
        }

        @Override
        public void accountExported(String userId, RequestOrigin origin) {
        }

        @Override
        public void emailChangeRequested(String userId, RequestOrigin origin) {
        }

        @Override
        public void emailChanged(String userId, RequestOrigin origin) {
        }

        @Override
        public void lifecycleRefused(String operation, String userId, ErrorCode reason, RequestOrigin origin) {
        }
    };
}
