package dev.authgateway.gateway.graphql;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The request's id: the caller's X-Request-Id when it is a plain token, else a new one; echoed in the response.
 * A new id is 128 random bits in hex, like a trace id ({@code 5f0c2b9e41d7a3c84b1e09d2c7f3a6e1}): unique in practice,
 * without a UUID's SecureRandom call per request, and, unlike a counter, telling a caller nothing about how many
 * requests a replica serves. Ids are not secrets, so ThreadLocalRandom is enough.
 */
final class RequestIds {

    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final HexFormat HEX = HexFormat.of();

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
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()).concat(HEX.toHexDigits(random.nextLong()));
    }
}
