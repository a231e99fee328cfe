package dev.authgateway.gateway.domain;

import java.util.List;

/**
 * The account lifecycle beyond the mail flows, wherever accounts are kept. Writes that change a user others read
 * (deletion, a new address) answer only once no later read serves what they replaced, as
 * {@link UserDirectory#updateDisplayName}. Failures are {@link GatewayException}s: UNAUTHENTICATED when the token's
 * user is gone, INVALID_CREDENTIALS for a wrong password or code, BAD_USER_INPUT and CONFLICT naming the field,
 * RATE_LIMITED past the mail limit, INVALID_TOKEN for a mailed token that does not work.
 */
public interface LifecycleDirectory {

    /** The user's open sessions, newest first ({@code current} unset). */
    List<SessionInfo> sessions(String userId);

    /** Ends the session if it is the user's and open: then it alone, else nothing. */
    List<String> endSession(String sessionId, String userId);

    /** Deletes the user; the sessions that were open. */
    List<String> deleteAccount(String userId, String currentPassword, String code);

    AccountExport export(String userId);

    void requestEmailChange(String userId, String newEmail, String currentPassword);

    /** The user with its new address. */
    User confirmEmailChange(String token);

    /** Nothing is kept: every operation UNAVAILABLE. */
    LifecycleDirectory NONE = new LifecycleDirectory() {
        @Override
        public List<SessionInfo> sessions(String userId) {
            throw unavailable();
        }

        @Override
        public List<String> endSession(String sessionId, String userId) {
            throw unavailable();
        }

        @Override
        public List<String> deleteAccount(String userId, String currentPassword, String code) {
            throw unavailable();
        }

        @Override
        public AccountExport export(String userId) {
            throw unavailable();
        }

        @Override
        public void requestEmailChange(String userId, String newEmail, String currentPassword) {
            throw unavailable();
        }

        @Override
        public User confirmEmailChange(String token) {
            throw unavailable();
        }

        private GatewayException unavailable() {
            return new GatewayException(ErrorCode.UNAVAILABLE, "the account lifecycle is not available");
        }
    };
}
