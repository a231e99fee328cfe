package dev.authgateway.gateway.graphql;

/** A request the gateway refuses before any GraphQL runs: its code (which decides the status) and message. */
final class HttpProblem extends RuntimeException {

    private final EdgeError code;
    private final String allow;

    HttpProblem(EdgeError code, String message) {
        this(code, message, null);
    }

    HttpProblem(EdgeError code, String message, String allow) {
        super(message, null, false, false);
        if (code.stage() != EdgeError.Stage.REQUEST) {
            throw new IllegalArgumentException(code + " is not a request-level code");
        }
        this.code = code;
        this.allow = allow;
    }

    EdgeError code() {
        return code;
    }

    int status() {
        return code.status();
    }

    /** The Allow header of a 405, or null. */
    String allow() {
        return allow;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(EdgeError.BAD_REQUEST, message);
    }
}
