package dev.authgateway.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.support.observe.RateLimitedLog;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;

/**
 * The one place where failures inside fields become GraphQL errors: a message safe to show and
 * {@code extensions.code} (and {@code extensions.field} for input errors). Anything unexpected is INTERNAL, with its
 * cause in the log only, within a per-minute budget per exception class.
 */
final class FetcherErrors implements DataFetcherExceptionHandler {

    private static final RateLimitedLog LOG = RateLimitedLog.of(FetcherErrors.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        GatewayException known = failure instanceof GatewayException gateway ? gateway
                : internal(failure, parameters.getDataFetchingEnvironment().getField().getName());
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

    private static GatewayException internal(Throwable failure, String field) {
        LOG.fault("field " + failure.getClass().getName(), "Unexpected failure in field " + field, failure);
        return new GatewayException(ErrorCode.INTERNAL, "internal error");
    }
}
