package dev.authgateway.gateway.domain;

/** The gateway's use cases. */
public final class Accounts {

    static final int INVALIDATION_ATTEMPTS = 3;

    private final UserDirectory directory;
    private final AccessTokens tokens;
    private final AttemptLimits limits;

    public Accounts(UserDirectory directory, AccessTokens tokens) {
        this(directory, tokens, AttemptLimits.NONE);
    }

    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits) {
        this.directory = directory;
        this.tokens = tokens;
        this.limits = limits;
    }

    public AuthResult signUp(NewAccount account, String clientAddress) {
        limits.signupAttempted(clientAddress);
        User user = directory.create(account);
        return AuthResult.of(tokens.issue(user.id()), user);
    }

    /** Guessing is limited per account and per address; while limited, even the right password is refused. */
    public AuthResult logIn(String login, String password, String clientAddress) {
        limits.checkLogin(login, clientAddress);
        User user;
        try {
            user = directory.verifyCredentials(login, password);
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                limits.loginFailed(login, clientAddress);
            }
            throw e;
        }
        limits.loginSucceeded(login);
        return AuthResult.of(tokens.issue(user.id()), user);
    }

    public User profile(String callerId) {
        return directory.get(callerId);
    }

    /**
     * Writes the new name, then drops the cached user. Answers only once the cache can no longer serve the old
     * name: if invalidation keeps failing, the caller is told to retry (the write itself is kept).
     */
    public User updateProfile(String callerId, String displayName) {
        User updated = directory.updateDisplayName(callerId, displayName);
        for (int attempt = 1; ; attempt++) {
            try {
                directory.invalidateCached(callerId);
                return updated;
            } catch (GatewayException e) {
                if (attempt == INVALIDATION_ATTEMPTS) {
                    throw new GatewayException(ErrorCode.UNAVAILABLE,
                            "profile saved but the cache could not be refreshed; retry");
                }
            }
        }
    }
}
