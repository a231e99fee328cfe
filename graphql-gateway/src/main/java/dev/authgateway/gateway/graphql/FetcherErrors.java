package dev.authgateway.gateway.graphql;

import java.util.concurrent.CompletableFuture;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.support.observe.RateLimitedLog;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;

/**
 * Failures inside fields: a {@link GatewayException} keeps its code and message, shaped by {@link EdgeError}; anything
 * unexpected is INTERNAL, with its cause in the log only, within a per-minute budget per exception class.
 */
final class FetcherErrors implements DataFetcherExceptionHandler {

    private static final RateLimitedLog LOG = RateLimitedLog.of(FetcherErrors.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        Throwable failure = parameters.getException();
        if (failure instanceof RequestContext.CookieRefused refused) {
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                    .error(EdgeError.CSRF_ORIGIN_REFUSED.fieldError(parameters.getDataFetchingEnvironment(),
                            refused.getMessage()))
                    .build());
        }
        GatewayException known = failure instanceof GatewayException gateway ? gateway
                : internal(failure, parameters.getDataFetchingEnvironment().getField().getName());
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                .error(EdgeError.fieldError(parameters.getDataFetchingEnvironment(), known))
                .build());
    }

    private static GatewayException internal(Throwable failure, String field) {
        LOG.fault("field " + failure.getClass().getName(), "Unexpected failure in field " + field, failure);
        return new GatewayException(ErrorCode.INTERNAL, "internal error");
    }
}
