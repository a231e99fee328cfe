package dev.authgateway.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;

/**
 * The one place where failures inside fields become GraphQL errors: a message safe to show and
 * {@code extensions.code} (and {@code extensions.field} for input errors). Anything unexpected is INTERNAL, with its
 * cause in the log only.
 */
final class FetcherErrors implements DataFetcherExceptionHandler {

    private static final Logger LOG = Logger.getLogger(FetcherErrors.class.getName());

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        GatewayException known = failure instanceof GatewayException gateway ? gateway : internal(failure);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", known.code().name());
        known.field().ifPresent(field -> extensions.put("field", field));
        known.retryAfter().ifPresent(retryAfter -> extensions.put("retryAfterSeconds", retryAfter.toSeconds()));
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                .error(GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                        .message(known.getMessage())
                        .extensions(extensions)
                        .build())
                .build());
    }

    private static GatewayException internal(Throwable failure) {
        LOG.log(Level.SEVERE, "Unexpected failure in a field", failure);
        return new GatewayException(ErrorCode.INTERNAL, "internal error");
    }
}
