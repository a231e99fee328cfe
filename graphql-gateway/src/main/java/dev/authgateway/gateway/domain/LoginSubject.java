package dev.authgateway.gateway.domain;

/**
 * Whom a typed login names, as the store decides: the account's id when there is one, and always the login's
 * canonical form. Attempts are counted on the account, so every spelling of it (username or email, any case or
 * width) shares one count; a login that names no account is counted on its canonical form, so unknown logins are
 * limited alike.
 */
public record LoginSubject(String userId, String canonicalLogin) {

    public LoginSubject {
        if (userId != null && userId.isEmpty()) {
            userId = null;
        }
    }

    /** The key attempts are counted on: never the login as typed. */
    public String limitKey() {
        return userId != null ? "user:" + userId : "login:" + canonicalLogin;
    }

    @Override
    public String toString() {
        return "LoginSubject[" + (userId != null ? "user " + userId : "no account") + "]";
    }
}
