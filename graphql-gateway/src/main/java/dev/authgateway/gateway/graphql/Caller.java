package dev.authgateway.gateway.graphql;

import java.util.Locale;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;

/** Who is calling: the user id in the request's bearer token, checked only by the fields that need it. */
final class Caller {

    static final String AUTHORIZATION = "authorization";
    static final String CLIENT_ADDRESS = "clientAddress";
    private static final String BEARER = "bearer ";

    private Caller() {
    }

    /** The address the request came from, for attempt limits. */
    static String address(DataFetchingEnvironment environment) {
        return environment.getGraphQlContext().getOrDefault(CLIENT_ADDRESS, "unknown");
    }

    static String requireUserId(DataFetchingEnvironment environment, AccessTokens tokens) {
        GraphQLContext context = environment.getGraphQlContext();
        String header = context.get(AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "authentication required");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
        }
        return tokens.verify(header.substring(BEARER.length()).strip());
    }
}
