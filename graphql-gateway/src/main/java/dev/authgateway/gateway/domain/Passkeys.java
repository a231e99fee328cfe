package dev.authgateway.gateway.domain;

import java.util.List;

/**
 * The passkey use cases: registering one for the caller, listing and removing the caller's, and logging in with one.
 * A passkey login is a whole login: it starts a session as a password and a second factor together would, and asks
 * for no second factor (a passkey is phishing-resistant and verified the user on the device). Failed assertions are
 * counted per client address ({@link AttemptLimits#reservePasskeyLogin}); there is no account to count them on before
 * the assertion is verified, and a signature cannot be guessed.
 */
public final class Passkeys {

    private final PasskeyDirectory passkeys;
    private final UserDirectory users;
    private final AttemptLimits limits;
    private final AuditEvents audit;
    private final LoginCompletion logins;

    /** How a verified passkey becomes a session: as {@link Accounts} completes a password login. */
    interface LoginCompletion {
        AuthResult complete(User user, RequestOrigin origin);
    }

    Passkeys(PasskeyDirectory passkeys, UserDirectory users, AttemptLimits limits, AuditEvents audit,
             LoginCompletion logins) {
        this.passkeys = passkeys;
        this.users = users;
        this.limits = limits;
        this.audit = audit;
        this.logins = logins;
    }

    public PasskeyOptions startRegistration(Caller caller) {
        return passkeys.startRegistration(caller.userId());
    }

    public Passkey finishRegistration(Caller caller, String responseJson, String name, RequestOrigin origin) {
        Passkey passkey = passkeys.finishRegistration(caller.userId(), responseJson, name);
        audit.passkeyRegistered(caller.userId(), passkey.id(), origin);
        return passkey;
    }

    public List<Passkey> list(String userId) {
        return passkeys.list(userId);
    }

    public boolean remove(Caller caller, String passkeyId, RequestOrigin origin) {
        boolean removed = passkeys.remove(caller.userId(), passkeyId);
        if (removed) {
            audit.passkeyRemoved(caller.userId(), passkeyId, origin);
        }
        return removed;
    }

    public PasskeyOptions startLogin(String login) {
        return passkeys.startLogin(login);
    }

    /**
     * The assertion for the request, as one attempt reserved on the address before it is checked: a refused
     * assertion (INVALID_CREDENTIALS) keeps it, anything else gives it back. Then the session, as login starts one.
     */
    public AuthResult finishLogin(String requestId, String responseJson, RequestOrigin origin) {
        LoginAttempt attempt;
        try {
            attempt = limits.reservePasskeyLogin(origin.clientAddress());
        } catch (GatewayException e) {
            audit.passkeyLoginFailed(e.code(), origin);
            throw e;
        }
        PasskeyDirectory.PasskeyLogin login;
        try {
            login = passkeys.finishLogin(requestId, responseJson);
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                limits.releasePasskeyLogin(attempt);
            }
            if (e.code() == ErrorCode.INVALID_CREDENTIALS || e.code() == ErrorCode.UNAUTHENTICATED) {
                audit.passkeyLoginFailed(e.code(), origin);
            }
            throw e;
        } catch (RuntimeException e) {
            limits.releasePasskeyLogin(attempt);
            throw e;
        }
        limits.releasePasskeyLogin(attempt);
        audit.passkeyLoginSucceeded(login.userId(), login.passkeyId(), origin);
        return logins.complete(users.get(login.userId()), origin);
    }
}
