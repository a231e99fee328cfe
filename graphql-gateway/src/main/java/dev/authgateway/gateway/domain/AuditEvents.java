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
