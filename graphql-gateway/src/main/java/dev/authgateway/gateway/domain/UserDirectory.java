package dev.authgateway.gateway.domain;

/** Users, wherever they are kept. Failures are {@link GatewayException}s. */
public interface UserDirectory {

    User create(NewAccount account);

    User verifyCredentials(String login, String password);

    /** The user through the cache. */
    User get(String userId);

    User updateDisplayName(String userId, String displayName);

    /** Drops the user from the cache; idempotent. */
    void invalidateCached(String userId);
}
