package dev.authgateway.gateway.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The gateway's use cases. */
public final class Accounts {

    private final UserDirectory directory;
    private final AccessTokens tokens;
    private final AttemptLimits limits;
    private final AuditEvents audit;
    private final SessionRevocations revocations;
    private final Clock clock;
    private final AccountEmail email;
    private final SecondFactorDirectory factors;
    private final SecondFactors secondFactors;
    private final AccountLifecycle lifecycle;
    private final Passkeys passkeys;

    public Accounts(UserDirectory directory, AccessTokens tokens) {
        this(directory, tokens, AttemptLimits.NONE, AuditEvents.NONE, SessionRevocations.NONE, Clock.systemUTC());
    }

    /** Without second factors: no login asks for one. */
    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits, AuditEvents audit,
                    SessionRevocations revocations, Clock clock) {
        this(directory, tokens, limits, audit, revocations, clock, AccountEmail.NONE, SecondFactorDirectory.NONE);
    }

    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits, AuditEvents audit,
                    SessionRevocations revocations, Clock clock, AccountEmail email) {
        this(directory, tokens, limits, audit, revocations, clock, email, SecondFactorDirectory.NONE);
    }

    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits, AuditEvents audit,
                    SessionRevocations revocations, Clock clock, SecondFactorDirectory factors) {
        this(directory, tokens, limits, audit, revocations, clock, AccountEmail.NONE, factors);
    }

    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits, AuditEvents audit,
                    SessionRevocations revocations, Clock clock, AccountEmail email,
                    SecondFactorDirectory factors) {
        this(directory, tokens, limits, audit, revocations, clock, email, factors, PasskeyDirectory.NONE);
    }

    public Accounts(UserDirectory directory, AccessTokens tokens, AttemptLimits limits, AuditEvents audit,
                    SessionRevocations revocations, Clock clock, AccountEmail email,
                    SecondFactorDirectory factors, PasskeyDirectory passkeys) {
        this.email = email;
        this.directory = directory;
        this.tokens = tokens;
        this.limits = limits;
        this.audit = audit;
        this.revocations = revocations;
        this.clock = clock;
        this.factors = factors;
        this.secondFactors = new SecondFactors(factors, directory, limits, audit, this::startSession);
        this.lifecycle = AccountLifecycle.NONE;
        this.passkeys = new Passkeys(passkeys, directory, limits, audit, this::completePasskeyLogin);
    }

    private Accounts(Accounts accounts, AccountLifecycle lifecycle) {
        this.email = accounts.email;
        this.directory = accounts.directory;
        this.tokens = accounts.tokens;
        this.limits = accounts.limits;
        this.audit = accounts.audit;
        this.revocations = accounts.revocations;
        this.clock = accounts.clock;
        this.factors = accounts.factors;
        this.secondFactors = new SecondFactors(factors, directory, limits, audit, this::startSession);
        this.passkeys = accounts.passkeys;
        this.lifecycle = lifecycle;
    }

    /** These use cases with the account lifecycle's (sessions, deletion, export, email change). */
    public Accounts withLifecycle(AccountLifecycle lifecycle) {
        return new Accounts(this, lifecycle);
    }

    /** The caller's sessions, deleting the account, exporting it, changing its email address. */
    public AccountLifecycle lifecycle() {
        return lifecycle;
    }

    /** Registering, listing and removing passkeys, and logging in with one. */
    public Passkeys passkeys() {
        return passkeys;
    }

    /** Enrolling, confirming and disabling a second factor, and logins that answered MFA_REQUIRED. */
    public SecondFactors secondFactors() {
        return secondFactors;
    }

    public AuthResult signUp(NewAccount account, RequestOrigin origin) {
        limits.signupAttempted(origin.clientAddress());
        User user = directory.create(account);
        audit.signedUp(user, origin);
        return startSession(user, origin);
    }

    /**
     * Guessing is limited per account and per address; while limited, even the right password is refused. The
     * attempt is reserved on the account the store resolves the login to before the password is checked, so
     * neither concurrency nor another spelling of the login gets past the limit. When the account has a second
     * factor, a matching password starts no session: MFA_REQUIRED carries a challenge for
     * {@link SecondFactors#completeLogin}.
     */
    public AuthResult logIn(String login, String password, RequestOrigin origin) {
        LoginAttempt attempt;
        try {
            LoginSubject subject = directory.resolveLogin(login);
            attempt = limits.reserveLogin(subject.limitKey(), origin.clientAddress());
        } catch (GatewayException e) {
            auditFailure(login, e, origin);
            throw e;
        }
        User user;
        try {
            user = directory.verifyCredentials(login, password);
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                limits.release(attempt);
            }
            auditFailure(login, e, origin);
            throw e;
        } catch (RuntimeException e) {
            limits.release(attempt);
            throw e;
        }
        limits.loginSucceeded(attempt);
        email.checkLogin(user, origin);
        Optional<SecondFactorChallenge> challenge = factors.startChallenge(user.id());
        if (challenge.isPresent()) {
            // No session yet: a code must answer the challenge first (SecondFactors.completeLogin).
            audit.secondFactorChallengeIssued(user.id(), origin);
            throw GatewayException.mfaRequired(challenge.get());
        }
        audit.loggedIn(user, origin);
        return startSession(user, origin);
    }

    private void auditFailure(String login, GatewayException e, RequestOrigin origin) {
        if (e.code() == ErrorCode.INVALID_CREDENTIALS || e.code() == ErrorCode.RATE_LIMITED) {
            audit.loginFailed(login, e.code(), origin);
        }
    }

    /**
     * Trades a refresh token for a new access token and the next refresh token. A token used twice means someone
     * else has it: the session ends, its access tokens are revoked, and both parties must log in again.
     */
    public AuthResult refresh(String refreshToken, RequestOrigin origin) {
        Session session = directory.refreshSession(refreshToken, origin);
        if (session.reuseDetected()) {
            revocations.revoke(session.sessionId());
            audit.refreshTokenReused(session, origin);
            throw new GatewayException(ErrorCode.UNAUTHENTICATED,
                    "refresh token already used; the session was ended, log in again");
        }
        audit.refreshed(session, origin);
        User user = directory.get(session.userId());
        return AuthResult.of(tokens.issue(user.id(), session.sessionId()), session, user, clock.instant());
    }

    /** The caller behind a bearer token, refusing tokens of ended sessions. */
    public Caller authenticate(String accessToken) {
        Caller caller = tokens.verify(accessToken);
        if (revocations.isRevoked(caller.sessionId())) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "the session has ended; log in again");
        }
        return caller;
    }

    public void logOut(Caller caller, RequestOrigin origin) {
        List<String> ended = directory.endSession(caller.sessionId(), caller.userId());
        revocations.revoke(caller.sessionId());
        audit.loggedOut(caller, ended, false, origin);
    }

    public void logOutEverywhere(Caller caller, RequestOrigin origin) {
        List<String> ended = new ArrayList<>(directory.endAllSessions(caller.userId()));
        if (!ended.contains(caller.sessionId())) {
            ended.add(caller.sessionId());
        }
        ended.forEach(revocations::revoke);
        audit.loggedOut(caller, ended, true, origin);
    }

    /** The account lifecycle by mail: verification, password reset and change. */
    public AccountEmail email() {
        return email;
    }

    public User profile(Caller caller) {
        return directory.get(caller.userId());
    }

    /** The directory answers once every later read sees the new name, or fails (see {@link UserDirectory}). */
    public User updateProfile(Caller caller, String displayName, RequestOrigin origin) {
        User updated = directory.updateDisplayName(caller.userId(), displayName);
        audit.profileUpdated(caller.userId(), origin);
        return updated;
    }

    /**
     * A verified passkey is a whole login: the account's mail rule as after a password, then a session without
     * MFA_REQUIRED (a passkey is phishing-resistant and verified the user on the device).
     */
    private AuthResult completePasskeyLogin(User user, RequestOrigin origin) {
        email.checkLogin(user, origin);
        audit.loggedIn(user, origin);
        return startSession(user, origin);
    }

    private AuthResult startSession(User user, RequestOrigin origin) {
        Session session = directory.startSession(user.id(), origin);
        return AuthResult.of(tokens.issue(user.id(), session.sessionId()), session, user, clock.instant());
    }
}
