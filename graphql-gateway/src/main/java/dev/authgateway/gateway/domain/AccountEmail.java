package dev.authgateway.gateway.domain;

import java.util.function.Supplier;

/**
 * The gateway's mail use cases: the store does the work ({@link AccountMailbox}); here the caller is checked, ended
 * sessions' access tokens are revoked on every replica, wrong current passwords count as failed logins of the
 * account, and every step is audited. Also the login rule {@code app.accounts.require-verified-email}.
 */
public final class AccountEmail {

    private final AccountMailbox mailbox;
    private final SessionRevocations revocations;
    private final AttemptLimits limits;
    private final MailAuditEvents audit;
    private final boolean requireVerifiedEmail;

    public AccountEmail(AccountMailbox mailbox, SessionRevocations revocations, AttemptLimits limits,
                        MailAuditEvents audit, boolean requireVerifiedEmail) {
        this.mailbox = mailbox;
        this.revocations = revocations;
        this.limits = limits;
        this.audit = audit;
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    /** No mail: every mail operation UNAVAILABLE, logins unaffected. */
    public static final AccountEmail NONE = new AccountEmail(AccountMailbox.NONE, SessionRevocations.NONE,
            AttemptLimits.NONE, MailAuditEvents.NONE, false);

    /**
     * After the password matched: with require-verified-email, an unverified account is refused (only someone who
     * knows the password learns that the address is unverified).
     */
    void checkLogin(User user, RequestOrigin origin) {
        if (requireVerifiedEmail && !mailbox.emailVerified(user.id())) {
            audit.mailFlowRefused("login", user.id(), ErrorCode.EMAIL_NOT_VERIFIED, origin);
            throw new GatewayException(ErrorCode.EMAIL_NOT_VERIFIED,
                    "confirm your email address first: open the link we mailed you");
        }
    }

    public boolean emailVerified(String userId) {
        return mailbox.emailVerified(userId);
    }

    /** True when a new link was sent, false when the address was already verified. */
    public boolean resendVerification(Caller caller, RequestOrigin origin) {
        boolean sent = audited("resendVerification", caller.userId(), origin,
                () -> mailbox.resendVerification(caller.userId()));
        audit.verificationResent(caller.userId(), sent, origin);
        return sent;
    }

    public void verifyEmail(String token, RequestOrigin origin) {
        String userId = audited("verifyEmail", null, origin, () -> mailbox.verifyEmail(token));
        audit.emailVerified(userId, origin);
    }

    public void requestPasswordReset(String email, RequestOrigin origin) {
        audited("requestPasswordReset", null, origin, () -> {
            mailbox.requestPasswordReset(email);
            return null;
        });
        audit.passwordResetRequested(origin);
    }

    /** Every session of the account ends; their access tokens are refused from now on. */
    public void resetPassword(String token, String newPassword, RequestOrigin origin) {
        AccountMailbox.PasswordReplaced reset = audited("resetPassword", null, origin,
                () -> mailbox.resetPassword(token, newPassword));
        reset.endedSessions().forEach(revocations::revoke);
        audit.passwordReset(reset.userId(), reset.endedSessions(), origin);
    }

    /**
     * The current password is checked like a login (a wrong one counts against the account's and the address's
     * limits, so a stolen access token cannot guess it); every other session ends, the caller's goes on.
     */
    public void changePassword(Caller caller, String currentPassword, String newPassword, RequestOrigin origin) {
        LoginAttempt attempt = audited("changePassword", caller.userId(), origin, () -> limits.reserveLogin(
                new LoginSubject(caller.userId(), "").limitKey(), origin.clientAddress()));
        AccountMailbox.PasswordReplaced changed;
        try {
            changed = audited("changePassword", caller.userId(), origin, () -> mailbox.changePassword(
                    caller.userId(), caller.sessionId(), currentPassword, newPassword));
        } catch (GatewayException e) {
            if (e.code() != ErrorCode.INVALID_CREDENTIALS) {
                limits.release(attempt);
            }
            throw e;
        } catch (RuntimeException e) {
            limits.release(attempt);
            throw e;
        }
        limits.loginSucceeded(attempt);
        changed.endedSessions().forEach(revocations::revoke);
        audit.passwordChanged(caller.userId(), changed.endedSessions(), origin);
    }

    private <T> T audited(String operation, String userId, RequestOrigin origin, Supplier<T> work) {
        try {
            return work.get();
        } catch (GatewayException e) {
            switch (e.code()) {
                case INVALID_TOKEN, RATE_LIMITED, INVALID_CREDENTIALS ->
                        audit.mailFlowRefused(operation, userId, e.code(), origin);
                default -> {
                }
            }
            throw e;
        }
    }
}
