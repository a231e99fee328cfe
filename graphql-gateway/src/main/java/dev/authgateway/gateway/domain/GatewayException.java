package dev.authgateway.gateway.domain;

import java.time.Duration;
import java.util.Optional;

/** A failure the client is told about: a code, a message safe to show, and the input field when there is one. */
public final class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final Duration retryAfter;
    private final SecondFactorChallenge challenge;

    public GatewayException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GatewayException(ErrorCode code, String message, String field) {
        this(code, message, field, null);
    }

    private GatewayException(ErrorCode code, String message, String field, Duration retryAfter) {
        this(code, message, field, retryAfter, null);
    }

    private GatewayException(ErrorCode code, String message, String field, Duration retryAfter,
                             SecondFactorChallenge challenge) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
        this.challenge = challenge;
    }

    public static GatewayException rateLimited(String message, Duration retryAfter) {
        return new GatewayException(ErrorCode.RATE_LIMITED, message, null, retryAfter);
    }

    /** MFA_REQUIRED: the login's password matched; the challenge is what verifySecondFactor takes with a code. */
    public static GatewayException mfaRequired(SecondFactorChallenge challenge) {
        return new GatewayException(ErrorCode.MFA_REQUIRED,
                "a second factor is required: send verifySecondFactor with the challenge and a code", null, null,
                challenge);
    }

    /** The login challenge of an MFA_REQUIRED failure. */
    public Optional<SecondFactorChallenge> challenge() {
        return Optional.ofNullable(challenge);
    }

    /** When a RATE_LIMITED caller may try again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
