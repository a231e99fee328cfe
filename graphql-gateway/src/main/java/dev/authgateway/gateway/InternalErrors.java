package dev.authgateway.gateway;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Whatever escapes a handler. Helidon's own client errors (a path no route serves: 404 NOT_FOUND) keep their status
 * with a typed body; anything else is logged here and answered as a bare INTERNAL error, never with its message.
 */
final class InternalErrors implements ErrorHandler<Throwable> {

    private static final Logger LOG = Logger.getLogger(InternalErrors.class.getName());
    private static final String BODY = "{\"errors\":[{\"message\":\"internal error\",\"extensions\":{\"code\":\"INTERNAL\"}}]}";

    @Override
    public void handle(ServerRequest request, ServerResponse response, Throwable failure) {
        if (failure instanceof HttpException http && http.status().code() < 500) {
            String code = http.status().code() == 404 ? "NOT_FOUND" : "BAD_REQUEST";
            response.status(http.status());
            response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
            response.send("{\"errors\":[{\"message\":\"" + (code.equals("NOT_FOUND") ? "no such path" : "bad request")
                    + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}");
            return;
        }
        LOG.log(Level.SEVERE, "Unhandled failure on " + request.prologue().method() + " " + request.path().path(), failure);
        response.status(Status.INTERNAL_SERVER_ERROR_500);
        response.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.send(BODY);
    }
}
