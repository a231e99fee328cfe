package dev.authgateway.gateway.graphql;

import java.util.UUID;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The request's id: the caller's X-Request-Id when it is a plain token, else a new UUID; echoed in the response. */
final class RequestIds {

    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {
    }

    static String of(ServerRequest request, ServerResponse response) {
        String id = request.headers().first(REQUEST_ID)
                .filter(candidate -> ACCEPTABLE.matcher(candidate).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        response.header(REQUEST_ID, id);
        return id;
    }
}
