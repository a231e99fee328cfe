package dev.authgateway.support.http;

import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Only a path written the one way a route names it is routed: segments of unreserved characters
 * ({@code A-Z a-z 0-9 - . _ ~}), none of them {@code .} or {@code ..} or empty, an optional trailing slash. Helidon
 * decodes percent-escapes, drops {@code ;params} from segments and resolves dot segments before routing, so
 * {@code /graphql/..;/observe/metrics} reached {@code /observe/metrics}; no route of these services needs any such
 * spelling, so every other one ({@code %2e}, {@code %2f}, {@code ;}, {@code //}, {@code \}, overlong UTF-8 escapes)
 * gets 400 BAD_REQUEST before any route is chosen. The query string is not part of the path and is not checked here.
 */
final class CanonicalPaths implements Filter {

    private static final Pattern CANONICAL = Pattern.compile("/|(/(?!\\.\\.?(?:/|$))[A-Za-z0-9._~-]+)+/?");

    static boolean canonical(String rawPath) {
        return CANONICAL.matcher(rawPath).matches();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (canonical(request.prologue().uriPath().rawPath())) {
            chain.proceed();
            return;
        }
        response.status(Status.BAD_REQUEST_400);
        response.header(HeaderNames.CONTENT_TYPE, TypedError.CONTENT_TYPE);
        response.send(TypedError.body("the path is not in canonical form", "BAD_REQUEST"));
        response.commit();
    }
}
