package dev.authgateway.support.http;

import java.io.FilterOutputStream;
import java.io.OutputStream;

import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * A HEAD request is routed like any other, but its answer carries no body (RFC 9110 §9.3.2). Helidon 4 writes
 * whatever a handler sends, so a 404 or 405 body after a HEAD would be read by the client as the start of the next
 * response on the connection. The body is dropped on its way to the socket; the status and headers stay.
 */
final class HeadWithoutBody implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (Method.HEAD.equals(request.prologue().method())) {
            response.streamFilter(Discarding::new);
        }
        chain.proceed();
    }

    private static final class Discarding extends FilterOutputStream {

        Discarding(OutputStream socket) {
            super(socket);
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
        }
    }
}
