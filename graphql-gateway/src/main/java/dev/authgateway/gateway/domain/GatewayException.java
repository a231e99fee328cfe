package dev.authgateway.gateway.domain;

import java.time.Duration;
import java.util.Optional;

/** A failure the client is told about: a code, a message safe to show, and the input field when there is one. */
public final class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final Duration retryAfter;

    public GatewayException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GatewayException(ErrorCode code, String message, String field) {
        this(code, message, field, null);
    }

    private GatewayException(ErrorCode code, String message, String field, Duration retryAfter) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static GatewayException rateLimited(String message, Duration retryAfter) {
        return new GatewayException(ErrorCode.RATE_LIMITED, message, null, retryAfter);
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
