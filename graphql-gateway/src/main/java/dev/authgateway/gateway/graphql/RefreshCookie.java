package dev.authgateway.gateway.graphql;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * {@code app.sessions.refresh-cookie}: with it on, the refresh token travels in an {@code HttpOnly; Secure;
 * SameSite=Strict} cookie scoped to {@code /graphql} instead of the response body, so page scripts never hold it.
 * A request that spends the cookie must come from a trusted origin ({@code app.cors.allowed-origins} or the
 * gateway's own, {@code app.public-base-url}): the CSRF defence beside the 415 for non-JSON bodies.
 */
public record RefreshCookie(boolean enabled, Set<String> trustedOrigins) {

    public static final String NAME = "authgw_refresh";
    static final RefreshCookie OFF = new RefreshCookie(false, Set.of());
    private static final String ATTRIBUTES = "; Path=/graphql; HttpOnly; Secure; SameSite=Strict";

    public RefreshCookie {
        trustedOrigins = Set.copyOf(trustedOrigins);
    }

    /** From the gateway's {@code app} node. */
    public static RefreshCookie from(Config app) {
        Set<String> origins = new LinkedHashSet<>();
        Arrays.stream(Required.string(app.get("cors.allowed-origins")).split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).map(RefreshCookie::originOf)
                .forEach(origins::add);
        String base = Required.string(app.get("public-base-url"));
        if (!base.isBlank()) {
            origins.add(originOf(base));
        }
        return new RefreshCookie(Required.bool(app.get("sessions.refresh-cookie.enabled")), origins);
    }

    /** The Set-Cookie value that hands {@code token} to the browser for {@code maxAgeSeconds}. */
    String issue(String token, long maxAgeSeconds) {
        return NAME + "=" + token + "; Max-Age=" + Math.max(0, maxAgeSeconds) + ATTRIBUTES;
    }

    /** The Set-Cookie value that makes the browser drop the cookie. */
    String clear() {
        return NAME + "=; Max-Age=0" + ATTRIBUTES;
    }

    /** The token in a request's Cookie header, if it carries one. */
    static Optional<String> read(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookieHeader.split(";"))
                .map(String::strip)
                .filter(pair -> pair.startsWith(NAME + "="))
                .map(pair -> pair.substring(NAME.length() + 1).strip())
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** Whether a request with this Origin header may spend the cookie; a missing Origin may not. */
    boolean trusts(String origin) {
        return origin != null && trustedOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    /** scheme://host[:port] as browsers send it in Origin: lower case, no path, no default port. */
    private static String originOf(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalStateException("not an origin (scheme://host[:port]): '" + url + "'");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return "RefreshCookie[enabled=" + enabled + ", trustedOrigins="
                + trustedOrigins.stream().sorted().collect(Collectors.joining(",")) + "]";
    }
}
