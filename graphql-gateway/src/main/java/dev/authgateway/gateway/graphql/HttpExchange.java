package dev.authgateway.gateway.graphql;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The HTTP side of one request as the fields see it: the headers they read (Authorization, Cookie, Origin), the
 * refresh-cookie policy, and the Set-Cookie values they add, which the endpoint writes with the answer.
 */
final class HttpExchange {

    private final String authorization;
    private final String cookie;
    private final String origin;
    private final RefreshCookie refreshCookie;
    private final List<String> setCookies = new CopyOnWriteArrayList<>();

    HttpExchange(String authorization, String cookie, String origin, RefreshCookie refreshCookie) {
        this.authorization = authorization;
        this.cookie = cookie;
        this.origin = origin;
        this.refreshCookie = refreshCookie;
    }

    static HttpExchange of(ServerRequest request, RefreshCookie refreshCookie) {
        return new HttpExchange(request.headers().first(HeaderNames.AUTHORIZATION).orElse(null),
                request.headers().first(HeaderNames.COOKIE).orElse(null),
                request.headers().first(HeaderNames.ORIGIN).orElse(null), refreshCookie);
    }

    String authorization() {
        return authorization;
    }

    String cookie() {
        return cookie;
    }

    String origin() {
        return origin;
    }

    RefreshCookie refreshCookie() {
        return refreshCookie;
    }

    void addSetCookie(String value) {
        setCookies.add(value);
    }

    List<String> setCookies() {
        return List.copyOf(setCookies);
    }

    /** Adds the fields' Set-Cookie headers to the answer; call before it is sent. */
    void writeCookies(ServerResponse response) {
        setCookies.forEach(value -> response.headers().add(HeaderNames.SET_COOKIE, value));
    }
}
