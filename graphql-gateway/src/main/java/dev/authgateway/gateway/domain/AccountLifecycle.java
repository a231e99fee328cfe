package dev.authgateway.gateway.domain;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The caller's sessions, deleting the account, exporting it and changing its email address. The store does the work
 * ({@link LifecycleDirectory}); here the caller is checked, ended sessions' access tokens are revoked on every
 * replica, a wrong current password counts as a failed login of the account (a stolen access token cannot guess
 * it), and every step is audited. One caller never sees or ends another's sessions: a session that is not the
 * caller's open one is SESSION_NOT_FOUND, whether it exists or not.
 */
public final class AccountLifecycle {

    private final LifecycleDirectory directory;
    private final SessionRevocations revocations;
    private final AttemptLimits limits;
    private final LifecycleAuditEvents audit;
    private final Clock clock;

    public AccountLifecycle(LifecycleDirectory directory, SessionRevocations revocations, AttemptLimits limits,
                            LifecycleAuditEvents audit, Clock clock) {
        this.directory = directory;
        this.revocations = revocations;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    /** Nothing configured: every operation UNAVAILABLE. */
    public static final AccountLifecycle NONE = new AccountLifecycle(LifecycleDirectory.NONE,
            SessionRevocations.NONE, AttemptLimits.NONE, LifecycleAuditEvents.NONE, Clock.systemUTC());

    public List<SessionInfo> sessions(Caller caller) {
        return directory.sessions(caller.userId()).stream().map(session -> session.asSeenBy(caller)).toList();
    }

    /** Ends one of the caller's open sessions (its own too, as logout); its access tokens are refused from now on. */
    public void endSession(Caller caller, String sessionId, RequestOrigin origin) {
        List<String> ended = isUuid(sessionId) ? directory.endSession(sessionId, caller.userId()) : List.of();
        if (ended.isEmpty()) {
            audit.lifecycleRefused("endSession", caller.userId(), ErrorCode.SESSION_NOT_FOUND, origin);
            throw new GatewayException(ErrorCode.SESSION_NOT_FOUND, "no open session of yours has that id", "id");
        }
        ended.forEach(revocations::revoke);
        audit.sessionEnded(caller.userId(), sessionId, origin);
    }

    /**
     * Deletes the account, given the current password and, with a second factor, a current code. Every session's
     * access tokens are revoked, the caller's included; the account is gone from the cache-service before this
     * answers. On UNAVAILABLE the deletion may have been saved (the cache-service could not confirm the drop, or the
     * answer was lost): the sessions are revoked all the same, and the owner logs in again to retry.
     */
    public void deleteAccount(Caller caller, String currentPassword, String code, RequestOrigin origin) {
        Set<String> toRevoke = new LinkedHashSet<>();
        toRevoke.add(caller.sessionId());
        directory.sessions(caller.userId()).forEach(session -> toRevoke.add(session.id()));
        List<String> ended;
        try {
            ended = reauthenticated("deleteAccount", caller, origin,
                    () -> directory.deleteAccount(caller.userId(), currentPassword, code == null ? "" : code));
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.UNAVAILABLE) {
                toRevoke.forEach(revocations::revoke);
            }
            throw e;
        }
        toRevoke.addAll(ended);
        toRevoke.forEach(revocations::revoke);
        audit.accountDeleted(caller.userId(), List.copyOf(toRevoke), origin);
    }

    /** What is kept about the caller's account, with whether its address is verified and a second factor is on. */
    public AccountExport export(Caller caller, RequestOrigin origin) {
        AccountExport stored = directory.export(caller.userId());
        AccountExport export = new AccountExport(stored.user(), stored.updatedAt(), stored.emailVerifiedAt(),
                stored.secondFactorEnabledAt(),
                stored.sessions().stream().map(session -> session.asSeenBy(caller)).toList(), clock.instant());
        audit.accountExported(caller.userId(), origin);
        return export;
    }

    /** A confirmation link to the new address and a notice to the current one; the current password is required. */
    public void requestEmailChange(Caller caller, String newEmail, String currentPassword, RequestOrigin origin) {
        reauthenticated("requestEmailChange", caller, origin, () -> {
            directory.requestEmailChange(caller.userId(), newEmail, currentPassword);
            return null;
        });
        audit.emailChangeRequested(caller.userId(), origin);
    }

    /** The link's token makes its address the account's (verified); answers once no read shows the old one. */
    public void confirmEmailChange(String token, RequestOrigin origin) {
        User user;
        try {
            user = directory.confirmEmailChange(token);
        } catch (GatewayException e) {
            if (e.code() == ErrorCode.INVALID_TOKEN || e.code() == ErrorCode.CONFLICT) {
                audit.lifecycleRefused("confirmEmailChange", null, e.code(), origin);
            }
            throw e;
        }
        audit.emailChanged(user.id(), origin);
    }

    /** The work, as a login attempt of the caller's account: a wrong password or code keeps it, anything else not. */
    private <T> T reauthenticated(String operation, Caller caller, RequestOrigin origin, Supplier<T> work) {
        LoginAttempt attempt;
        try {
            attempt = limits.reserveLogin(new LoginSubject(caller.userId(), "").limitKey(), origin.clientAddress());
        } catch (GatewayException e) {
            audit.lifecycleRefused(operation, caller.userId(), e.code(), origin);
            throw e;
        }
        T result;
        try {
            result = work.get();
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                limits.release(attempt);
            }
            if (e.code() == ErrorCode.INVALID_CREDENTIALS || e.code() == ErrorCode.RATE_LIMITED) {
                audit.lifecycleRefused(operation, caller.userId(), e.code(), origin);
            }
            throw e;
        } catch (RuntimeException e) {
            limits.release(attempt);
            throw e;
        }
        limits.loginSucceeded(attempt);
        return result;
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id == null ? "" : id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
