package dev.authgateway.gateway.domain;

/**
 * Where a request came from: the client's address, the id that ties its log lines together, and the client's
 * User-Agent as sent (empty when absent), which a session started by the request records as its device.
 */
public record RequestOrigin(String clientAddress, String requestId, String userAgent) {

    public static final RequestOrigin UNKNOWN = new RequestOrigin("unknown", "none");

    public RequestOrigin {
        userAgent = userAgent == null ? "" : userAgent;
    }

    public RequestOrigin(String clientAddress, String requestId) {
        this(clientAddress, requestId, "");
    }
}
