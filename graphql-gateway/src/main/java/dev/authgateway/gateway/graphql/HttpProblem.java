package dev.authgateway.gateway.graphql;

/** A request the gateway refuses before any GraphQL runs: its HTTP status and error code. */
final class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String allow;

    HttpProblem(int status, String code, String message) {
        this(status, code, message, null);
    }

    HttpProblem(int status, String code, String message, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.allow = allow;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The Allow header of a 405, or null. */
    String allow() {
        return allow;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, "BAD_REQUEST", message);
    }
}
