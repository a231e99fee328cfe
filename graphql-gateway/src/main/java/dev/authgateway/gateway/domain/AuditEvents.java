package dev.authgateway.gateway.domain;

/** Security events, for operators and incident response. Implementations never record a password or a token. */
public interface AuditEvents {

    void signedUp(User user, RequestOrigin origin);

    void loggedIn(User user, RequestOrigin origin);

    void loginFailed(String login, ErrorCode reason, RequestOrigin origin);

    void profileUpdated(String userId, RequestOrigin origin);

    void refreshed(Session session, RequestOrigin origin);

    void refreshTokenReused(Session session, RequestOrigin origin);

    void loggedOut(Caller caller, java.util.List<String> endedSessions, boolean everywhere, RequestOrigin origin);

    // Second factors (TOTP). Codes, secrets and challenges are never passed here.

    /** A new secret was issued, pending until confirmed. */
    default void secondFactorEnrolmentStarted(String userId, RequestOrigin origin) {
    }

    /** The pending factor was confirmed: login now asks for it, and recovery codes were issued. */
    default void secondFactorEnabled(String userId, RequestOrigin origin) {
    }

    default void secondFactorDisabled(String userId, boolean recoveryCodeUsed, RequestOrigin origin) {
    }

    /** The password matched and a login challenge was issued instead of a session. */
    default void secondFactorChallengeIssued(String userId, RequestOrigin origin) {
    }

    /** A code was accepted for a login challenge (loggedIn follows). */
    default void secondFactorSucceeded(String userId, RequestOrigin origin) {
    }

    /** A recovery code was used up in place of a TOTP code. */
    default void recoveryCodeUsed(String userId, int recoveryCodesLeft, RequestOrigin origin) {
    }

    /**
     * A second-factor step failed: {@code operation} is login, confirm or disable; the user is null when the
     * challenge named none; the reason INVALID_CREDENTIALS (wrong code), RATE_LIMITED or UNAUTHENTICATED (challenge).
     */
    default void secondFactorFailed(String userId, String operation, ErrorCode reason, RequestOrigin origin) {
    }

    // Passkeys (WebAuthn). Credentials, challenges and request ids are never passed here.

    /** The caller registered a passkey (its id is the gateway's, not the credential id). */
    default void passkeyRegistered(String userId, String passkeyId, RequestOrigin origin) {
    }

    default void passkeyRemoved(String userId, String passkeyId, RequestOrigin origin) {
    }

    /** A passkey's assertion was accepted for a login (loggedIn follows). */
    default void passkeyLoginSucceeded(String userId, String passkeyId, RequestOrigin origin) {
    }

    /**
     * A passkey login failed: INVALID_CREDENTIALS (the assertion did not verify), UNAUTHENTICATED (the request was
     * unknown, expired or used) or RATE_LIMITED; no user is known then.
     */
    default void passkeyLoginFailed(ErrorCode reason, RequestOrigin origin) {
    }

    AuditEvents NONE = new AuditEvents() {
        @Override
        public void signedUp(User user, RequestOrigin origin) {
        }

        @Override
        public void loggedIn(User user, RequestOrigin origin) {
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
        public void loggedOut(Caller caller, java.util.List<String> endedSessions, boolean everywhere,
                              RequestOrigin origin) {
        }
    };
}
