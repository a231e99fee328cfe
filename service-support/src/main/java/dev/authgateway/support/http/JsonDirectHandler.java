package dev.authgateway.support.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * The answer to a request Helidon refuses before (or outside) routing: bad framing, a body over
 * {@code max-payload-size}, a malformed path or header. The same typed error body as the gateway's
 * ({@code {"errors":[{"message","extensions":{"code"}}]}}) with a fixed message per status, never Helidon's text
 * (which can echo request bytes) nor a stack trace.
 */
final class JsonDirectHandler implements DirectHandler {

    static final JsonDirectHandler INSTANCE = new JsonDirectHandler();

    private JsonDirectHandler() {
    }

    static DirectHandlers forEveryEvent() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, INSTANCE);
        }
        return handlers.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        Problem problem = Problem.of(status);
        headers.set(HeaderNames.CONTENT_TYPE, TypedError.CONTENT_TYPE);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .entity(TypedError.body(problem.message, problem.code))
                .build();
    }

    private enum Problem {
        BAD_REQUEST("malformed HTTP request"),
        NOT_FOUND("no such path"),
        METHOD_NOT_ALLOWED("method not allowed"),
        PAYLOAD_TOO_LARGE("the body is larger than the server accepts"),
        URI_TOO_LONG("the request line is too long"),
        HEADERS_TOO_LARGE("the header section is too large"),
        NOT_IMPLEMENTED("not implemented"),
        HTTP_VERSION_NOT_SUPPORTED("HTTP version not supported"),
        UNAVAILABLE("the server is busy; retry"),
        INTERNAL("internal error");

        private final String message;
        private final String code;

        Problem(String message) {
            this.message = message;
            this.code = name();
        }

        static Problem of(Status status) {
            return switch (status.code()) {
                case 404 -> NOT_FOUND;
                case 405 -> METHOD_NOT_ALLOWED;
                case 413 -> PAYLOAD_TOO_LARGE;
                case 414 -> URI_TOO_LONG;
                case 431 -> HEADERS_TOO_LARGE;
                case 501 -> NOT_IMPLEMENTED;
                case 503 -> UNAVAILABLE;
                case 505 -> HTTP_VERSION_NOT_SUPPORTED;
                default -> status.code() < 500 ? BAD_REQUEST : INTERNAL;
            };
        }
    }
}
