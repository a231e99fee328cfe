package dev.authgateway.gateway.graphql;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.AuthResult;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.RequestOrigin;
import dev.authgateway.support.observe.RateLimitedLog;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/**
 * What the endpoint puts in the GraphQL context for the fields: where the request came from, and its Authorization
 * header, which {@link #caller} turns into the domain's {@link Caller} only for the fields that need one, and the
 * request's {@link HttpExchange}: the refresh cookie read, set and cleared ({@link RefreshCookie}).
 */
final class RequestContext {

    static final String AUTHORIZATION = "authorization";
    static final String ORIGIN = "origin";
    static final String EXCHANGE = "http-exchange";
    private static final String BEARER = "bearer ";
    private static final RateLimitedLog LOG = RateLimitedLog.of(RequestContext.class);

    private RequestContext() {
    }

    /** Where the request came from, for attempt limits and audit events. */
    static RequestOrigin origin(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().getOrDefault(ORIGIN, RequestOrigin.UNKNOWN);
    }

    static Caller caller(DataFetchingEnvironment environment, Accounts accounts) {
        GraphQLContext context = environment.getGraphQlContext();
        String header = context.get(AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "authentication required");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) { // no lower-cased copy of the token
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
        }
        try {
            return accounts.authenticate(header.substring(BEARER.length()).strip());
        } catch (GatewayException known) {
            throw known;
        } catch (RuntimeException unexpected) {
            // A token the verifier failed to refuse properly is still the client's bad token, not our INTERNAL; one
            // line naming the exception type, without its message (it may quote the token) or a stack trace.
            LOG.warning("token-verification-threw", "Token verification failed with "
                    + unexpected.getClass().getName() + "; answered UNAUTHENTICATED");
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
        }
    }

    /**
     * The session as the answer carries it: unchanged without the refresh cookie; with it, the refresh token goes
     * into a Set-Cookie (Max-Age its lifetime) and the body's refreshToken is null.
     */
    static AuthResult deliver(DataFetchingEnvironment environment, AuthResult result) {
        HttpExchange exchange = exchange(environment);
        if (exchange == null || !exchange.refreshCookie().enabled()) {
            return result;
        }
        exchange.addSetCookie(exchange.refreshCookie().issue(result.refreshToken(), result.refreshExpiresIn()));
        return new AuthResult(result.accessToken(), result.tokenType(), result.expiresIn(), null,
                result.refreshExpiresIn(), result.user());
    }

    /**
     * The refresh token to spend: the argument when given, else the cookie, which only a request whose Origin is
     * trusted may spend (a cross-site request must not ride on it).
     */
    static String refreshToken(DataFetchingEnvironment environment, String argument) {
        if (argument != null) {
            return argument;
        }
        HttpExchange exchange = exchange(environment);
        if (exchange == null || !exchange.refreshCookie().enabled()) {
            throw new GatewayException(ErrorCode.BAD_USER_INPUT, "token is required", "token");
        }
        String cookie = RefreshCookie.read(exchange.cookie()).orElseThrow(() -> new GatewayException(
                ErrorCode.UNAUTHENTICATED, "no refresh token: send token, or the refresh cookie"));
        if (!exchange.refreshCookie().trusts(exchange.origin())) {
            throw new CookieRefused("the refresh cookie is accepted only from an allowed Origin");
        }
        return cookie;
    }

    /** After logout: tells the browser to drop the refresh cookie, when the gateway uses one. */
    static void clearRefreshCookie(DataFetchingEnvironment environment) {
        HttpExchange exchange = exchange(environment);
        if (exchange != null && exchange.refreshCookie().enabled()) {
            exchange.addSetCookie(exchange.refreshCookie().clear());
        }
    }

    private static HttpExchange exchange(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().get(EXCHANGE);
    }

    /** A request that would spend the refresh cookie from an Origin the gateway does not trust. */
    static final class CookieRefused extends RuntimeException {
        CookieRefused(String message) {
            super(message, null, false, false);
        }
    }
}
