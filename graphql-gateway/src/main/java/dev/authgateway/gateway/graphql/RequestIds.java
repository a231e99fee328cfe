package dev.authgateway.gateway.graphql;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The request's id: the caller's X-Request-Id when it is a plain token, else a new one; echoed in the response.
 * A new id is this process's random prefix and a counter ({@code 5f0c2b9e41d7a3c8-1a}): unique within the process,
 * and across replicas unless two draw the same 64-bit prefix, without a UUID's SecureRandom call per request.
 */
final class RequestIds {

    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String PREFIX = HexFormat.of().toHexDigits(new SecureRandom().nextLong()) + "-";
    private static final AtomicLong COUNTER = new AtomicLong();

    private RequestIds() {
    }

    static String of(ServerRequest request, ServerResponse response) {
        String id = request.headers().first(REQUEST_ID)
                .filter(candidate -> ACCEPTABLE.matcher(candidate).matches())
                .orElseGet(RequestIds::next);
        response.header(REQUEST_ID, id);
        return id;
    }

    /** A new id, as {@link #of} gives a request that sent none. */
    static String next() {
        return PREFIX.concat(Long.toHexString(COUNTER.incrementAndGet()));
    }
}
