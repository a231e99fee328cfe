package dev.authgateway.gateway.jwt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * {@code app.public-base-url}: the gateway's API as other services reach it, the base of the absolute URLs in the
 * discovery document. Configured, never taken from a request's Host header: a cache in front of the gateway would
 * otherwise keep a document pointing at whatever host an attacker sent.
 */
public record PublicBaseUrl(String value) {

    public PublicBaseUrl {
        value = checked(value);
    }

    /** Empty when the key is blank: the gateway then publishes no discovery document (the JWKS stays). */
    public static Optional<PublicBaseUrl> from(Config node) {
        String value = Required.string(node);
        return value.isBlank() ? Optional.empty() : Optional.of(new PublicBaseUrl(value));
    }

    /** This base with {@code path} (which starts with {@code /}) appended. */
    public String resolve(String path) {
        return value + path;
    }

    private static String checked(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value, "not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            throw invalid(value, "the scheme must be https (or http for development)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(value, "a host is required and user information is not allowed");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(value, "a query or fragment is not allowed");
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static IllegalStateException invalid(String value, String why) {
        return new IllegalStateException("app.public-base-url '" + value + "': " + why);
    }
}
