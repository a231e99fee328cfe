package dev.authgateway.gateway.domain;

import java.util.Optional;

/** A failure the client is told about: a code, a message safe to show, and the input field when there is one. */
public final class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public GatewayException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public GatewayException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
