package dev.authgateway.gateway.domain;

/** Users, wherever they are kept. Failures are {@link GatewayException}s. */
public interface UserDirectory {

    User create(NewAccount account);

    /** Whom a login names; no password is checked. BAD_USER_INPUT for control or invisible characters. */
    LoginSubject resolveLogin(String login);

    User verifyCredentials(String login, String password);

    User get(String userId);

    /**
     * Answers only once every later {@link #get} sees the new name. UNAVAILABLE when that cannot be confirmed, even if
     * the name was saved: repeating the update is safe.
     */
    User updateDisplayName(String userId, String displayName);

    Session startSession(String userId);

    /** A session that records the device it was started from (the origin's User-Agent and address). */
    default Session startSession(String userId, RequestOrigin origin) {
        return startSession(userId);
    }

    /** UNAUTHENTICATED for an unknown, expired or ended refresh token. */
    Session refreshSession(String refreshToken);

    /** As {@link #refreshSession(String)}, recording when and from where the session was last used. */
    default Session refreshSession(String refreshToken, RequestOrigin origin) {
        return refreshSession(refreshToken);
    }

    /** The sessions ended: this one if it is the user's and was open. */
    java.util.List<String> endSession(String sessionId, String userId);

    java.util.List<String> endAllSessions(String userId);
}
