package dev.authgateway.gateway;

import dev.authgateway.gateway.graphql.EdgeError;
import dev.authgateway.support.observe.RateLimitedLog;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Whatever escapes a handler. Helidon's own client errors (a path no route serves: 404 NOT_FOUND) keep their status
 * with a typed body and are not logged; its 304 Not Modified (GraphiQL's static content answering a conditional
 * request) stays a 304, without a body; both keep the exception's headers (the 304's ETag). Anything else is a fault
 * of the gateway's, logged here with its stack trace (within a per-minute budget per exception class, so no client
 * can flood the log) and answered as a bare INTERNAL error, never with its message. Codes, statuses and bodies are
 * {@link EdgeError}'s.
 */
final class InternalErrors implements ErrorHandler<Throwable> {

    private static final RateLimitedLog LOG = RateLimitedLog.of(InternalErrors.class);

    @Override
    public void handle(ServerRequest request, ServerResponse response, Throwable failure) {
        if (failure instanceof HttpException http && http.status().code() < 500) {
            http.headers().forEach(response::header);
            if (http.status().code() < 400) {
                // static content's answer to a conditional request (304 Not Modified), which has no body
                response.status(http.status()).send();
                return;
            }
            if (http.status().code() == 404) {
                EdgeError.NOT_FOUND.answer(response, http.status(), "no such path");
            } else {
                EdgeError.BAD_REQUEST.answer(response, http.status(), "bad request");
            }
            return;
        }
        LOG.fault("unhandled " + failure.getClass().getName(),
                "Unhandled failure on " + request.prologue().method() + " " + request.path().path(), failure);
        EdgeError.INTERNAL.answer(response, "internal error");
    }
}
