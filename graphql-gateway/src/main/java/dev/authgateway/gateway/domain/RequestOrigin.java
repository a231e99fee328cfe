package dev.authgateway.gateway.domain;

/** Where a request came from: the client's address and the id that ties its log lines together. */
public record RequestOrigin(String clientAddress, String requestId) {

    public static final RequestOrigin UNKNOWN = new RequestOrigin("unknown", "none");
}
