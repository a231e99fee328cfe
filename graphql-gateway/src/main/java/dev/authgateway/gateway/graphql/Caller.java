package dev.authgateway.gateway.graphql;

import java.util.Locale;

import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.RequestOrigin;
import dev.authgateway.support.observe.RateLimitedLog;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/** Who is calling: the user id in the request's bearer token, checked only by the fields that need it. */
final class Caller {
    // The request's caller, from its Authorization header; the domain's Caller is what a valid token proves.

    static final String AUTHORIZATION = "authorization";
    static final String ORIGIN = "origin";
    private static final String BEARER = "bearer ";
    private static final RateLimitedLog LOG = RateLimitedLog.of(Caller.class);

    private Caller() {
    }

    /** Where the request came from, for attempt limits and audit events. */
    static RequestOrigin origin(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().getOrDefault(ORIGIN, RequestOrigin.UNKNOWN);
    }

    static dev.authgateway.gateway.domain.Caller require(DataFetchingEnvironment environment, Accounts accounts) {
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
