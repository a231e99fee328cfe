package dev.authgateway.gateway;

import io.helidon.http.DirectHandler;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The headers on every answer of the gateway, whichever route, error handler or status: no type sniffing, no
 * referrer, HSTS on a TLS listener, and {@code Cache-Control: no-store} under /graphql, whose answers carry tokens and
 * personal data. Routes keep their own caching elsewhere (the JWKS is public for 5 minutes).
 *
 * <p>Set before the chain runs: Helidon's error handling resets the body but keeps the headers, so answers from
 * {@code InternalErrors} have them too. Requests Helidon refuses before routing (a malformed request line or header)
 * are answered by its direct handlers, which {@link #directHandlers(boolean)} wraps.
 */
final class SecurityHeaders implements Filter {

    static final Header NOSNIFF = HeaderValues.create(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    static final Header NO_REFERRER = HeaderValues.create("Referrer-Policy", "no-referrer");
    static final Header HSTS = HeaderValues.create(HeaderNames.STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    static final Header NO_STORE = HeaderValues.create(HeaderNames.CACHE_CONTROL, "no-store");

    private static final String GRAPHQL = "/graphql";

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        set(response.headers(), request.isSecure(), request.path().path());
        chain.proceed();
    }

    /** The answers to requests refused before routing ({@code answers}), with the same headers. */
    static DirectHandlers directHandlers(boolean tls, DirectHandler answers) {
        DirectHandler withHeaders = (request, event, status, headers, message) -> {
            set(headers, tls, request.path());
            return answers.handle(request, event, status, headers, message);
        };
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, withHeaders);
        }
        return handlers.build();
    }

    private static void set(ServerResponseHeaders headers, boolean secure, String path) {
        headers.set(NOSNIFF);
        headers.set(NO_REFERRER);
        if (secure) {
            headers.set(HSTS);
        }
        String route = path == null ? "" : path.split("\\?", 2)[0];
        if (route.equals(GRAPHQL) || route.startsWith(GRAPHQL + "/")) {
            headers.set(NO_STORE);
        }
    }
}
