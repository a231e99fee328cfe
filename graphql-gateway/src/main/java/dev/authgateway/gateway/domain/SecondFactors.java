package dev.authgateway.gateway.domain;

import java.util.List;
import java.util.function.Supplier;

/**
 * The second-factor use cases: enrolling an authenticator app, confirming it, disabling it, and completing a login
 * that answered MFA_REQUIRED. Every code checked is an attempt reserved on the user and the address before the
 * check ({@link AttemptLimits}), so guessing codes is limited like guessing passwords.
 */
public final class SecondFactors {

    private final SecondFactorDirectory factors;
    private final UserDirectory users;
    private final AttemptLimits limits;
    private final AuditEvents audit;
    private final SessionStarter sessions;

    /** How a completed login gets its session and tokens: as {@link Accounts} starts one after a password. */
    interface SessionStarter {
        AuthResult start(User user, RequestOrigin origin);
    }

    SecondFactors(SecondFactorDirectory factors, UserDirectory users, AttemptLimits limits, AuditEvents audit,
                  SessionStarter sessions) {
        this.factors = factors;
        this.users = users;
        this.limits = limits;
        this.audit = audit;
        this.sessions = sessions;
    }

    public boolean enabled(String userId) {
        return factors.enabled(userId);
    }

    /** The otpauth URI of a new pending secret (the caller's username is its label). */
    public String enrol(Caller caller, RequestOrigin origin) {
        String uri = factors.startEnrolment(caller.userId());
        audit.secondFactorEnrolmentStarted(caller.userId(), origin);
        return uri;
    }

    /** The recovery codes, shown this once. */
    public List<String> confirm(Caller caller, String code, RequestOrigin origin) {
        List<String> codes = guarded(caller.userId(), "confirm", origin,
                () -> factors.confirmEnrolment(caller.userId(), code));
        audit.secondFactorEnabled(caller.userId(), origin);
        return codes;
    }

    public void disable(Caller caller, String code, RequestOrigin origin) {
        boolean recoveryCodeUsed = guarded(caller.userId(), "disable", origin,
                () -> factors.disable(caller.userId(), code));
        if (recoveryCodeUsed) {
            audit.recoveryCodeUsed(caller.userId(), 0, origin);
        }
        audit.secondFactorDisabled(caller.userId(), recoveryCodeUsed, origin);
    }

    /**
     * Completes a login that answered MFA_REQUIRED: the same answer as a login without a second factor. An unknown,
     * expired, spent or burnt challenge is UNAUTHENTICATED (log in again); a wrong code INVALID_CREDENTIALS.
     */
    public AuthResult completeLogin(String challenge, String code, RequestOrigin origin) {
        String userId;
        try {
            userId = factors.resolveChallenge(challenge);
        } catch (GatewayException e) {
            auditFailure(null, "login", e, origin);
            throw e;
        }
        SecondFactorDirectory.VerifiedCode verified = guarded(userId, "login", origin,
                () -> factors.verifyChallenge(challenge, code));
        if (verified.recoveryCodeUsed()) {
            audit.recoveryCodeUsed(userId, verified.recoveryCodesLeft(), origin);
        }
        audit.secondFactorSucceeded(userId, origin);
        User user = users.get(userId);
        audit.loggedIn(user, origin);
        return sessions.start(user, origin);
    }

    /** The check of a code, as one attempt reserved on the user and the address; a wrong code keeps it. */
    private <T> T guarded(String userId, String operation, RequestOrigin origin, Supplier<T> check) {
        LoginAttempt attempt;
        try {
            attempt = limits.reserveSecondFactor(userId, origin.clientAddress());
        } catch (GatewayException e) {
            auditFailure(userId, operation, e, origin);
            throw e;
        }
        T result;
        try {
            result = check.get();
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                limits.releaseSecondFactor(attempt);
            }
            auditFailure(userId, operation, e, origin);
            throw e;
        } catch (RuntimeException e) {
            limits.releaseSecondFactor(attempt);
            throw e;
        }
        limits.secondFactorSucceeded(attempt);
        return result;
    }

    private void auditFailure(String userId, String operation, GatewayException e, RequestOrigin origin) {
        if (e.code() == ErrorCode.INVALID_CREDENTIALS || e.code() == ErrorCode.RATE_LIMITED
                || e.code() == ErrorCode.UNAUTHENTICATED) {
            audit.secondFactorFailed(userId, operation, e.code(), origin);
        }
    }
}
