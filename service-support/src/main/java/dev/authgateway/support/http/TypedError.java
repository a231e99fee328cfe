package dev.authgateway.support.http;

import java.nio.charset.StandardCharsets;

/** The error body every HTTP refusal carries, as the gateway's GraphQL errors do: a message and extensions.code. */
public final class TypedError {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private TypedError() {
    }

    /** Callers pass constants of their own, so message and code need no JSON escaping. */
    public static byte[] body(String message, String code) {
        return ("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
