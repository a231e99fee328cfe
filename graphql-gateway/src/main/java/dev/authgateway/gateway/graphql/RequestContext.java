package dev.authgateway.gateway.graphql;

import java.util.Locale;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.RequestOrigin;
import dev.authgateway.support.observe.RateLimitedLog;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/**
 * What the endpoint puts in the GraphQL context for the fields: where the request came from, and its Authorization
 * header, which {@link #caller} turns into the domain's {@link Caller} only for the fields that need one.
 */
final class RequestContext {

    static final String AUTHORIZATION = "authorization";
    static final String ORIGIN = "origin";
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
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
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
}
