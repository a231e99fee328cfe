package dev.authgateway.gateway.domain;

/** The gateway's use cases. */
public final class Accounts {

    static final int INVALIDATION_ATTEMPTS = 3;

    private final UserDirectory directory;
    private final AccessTokens tokens;
    private final AttemptLimits limits;
    private final AuditEvents audit;

    public Accounts(UserDirectory directory, AccessTokens tokens) {
        this(directory, tokens, AttemptLimits.NONE, AuditEvents.NONE);
    }

    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits, AuditEvents audit) {
        this.directory = directory;
        this.tokens = tokens;
        this.limits = limits;
        this.audit = audit;
    }

    public AuthResult signUp(NewAccount account, RequestOrigin origin) {
        limits.signupAttempted(origin.clientAddress());
        User user = directory.create(account);
        audit.signedUp(user, origin);
        return AuthResult.of(tokens.issue(user.id()), user);
    }

    /** Guessing is limited per account and per address; while limited, even the right password is refused. */
    public AuthResult logIn(String login, String password, RequestOrigin origin) {
        User user;
        try {
            limits.checkLogin(login, origin.clientAddress());
            user = directory.verifyCredentials(login, password);
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.INVALID_CREDENTIALS) {
                limits.loginFailed(login, origin.clientAddress());
            }
            if (e.code() == ErrorCode.INVALID_CREDENTIALS || e.code() == ErrorCode.RATE_LIMITED) {
                audit.loginFailed(login, e.code(), origin);
            }
            throw e;
        }
        limits.loginSucceeded(login);
        audit.loggedIn(user, origin);
        return AuthResult.of(tokens.issue(user.id()), user);
    }

    public User profile(String callerId) {
        return directory.get(callerId);
    }

    /**
     * Writes the new name, then drops the cached user. Answers only once the cache can no longer serve the old
     * name: if invalidation keeps failing, the caller is told to retry (the write itself is kept).
     */
    public User updateProfile(String callerId, String displayName, RequestOrigin origin) {
        User updated = directory.updateDisplayName(callerId, displayName);
        audit.profileUpdated(callerId, origin);
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
