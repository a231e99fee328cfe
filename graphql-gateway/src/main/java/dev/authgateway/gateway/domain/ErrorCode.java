package dev.authgateway.gateway.domain;

/** The codes a client finds in {@code errors[].extensions.code} for failures of an operation. */
public enum ErrorCode {
    /** No token, or a token that is malformed, forged, expired or for a user that no longer exists. */
    UNAUTHENTICATED,
    /** Input broke a rule; {@code extensions.field} names the field. */
    BAD_USER_INPUT,
    /** The username or email is taken; {@code extensions.field} names which. */
    CONFLICT,
    /** Login and password do not match a user (unknown user and wrong password alike). */
    INVALID_CREDENTIALS,
    /** Too many attempts (failed logins, signups) from this account or address; {@code extensions.retryAfterSeconds}. */
    RATE_LIMITED,
    /** A backing service is down or too slow; safe to retry. */
    UNAVAILABLE,
    /** A fault of ours; details are in the gateway's log only. */
    INTERNAL,
    /** A mailed token (verification, password reset) is unknown, expired, already used or not for this operation. */
    INVALID_TOKEN,
    /** The password matched, but the account's email address is not verified and the gateway requires it. */
    EMAIL_NOT_VERIFIED,
    /**
     * The password matched, and the account has a second factor: answer {@code extensions.challenge} with a code
     * (verifySecondFactor) within {@code extensions.challengeExpiresInSeconds}. No session was started.
     */
    MFA_REQUIRED,
    /** endSession: the caller has no open session with that id (another user's sessions are not told apart). */
    SESSION_NOT_FOUND
}
