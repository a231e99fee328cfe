package dev.authgateway.support.grpc;

import java.util.concurrent.CompletableFuture;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;

/** A future stub's call as a {@link CompletableFuture}. */
public final class GrpcFutures {

    private GrpcFutures() {
    }

    /** Completed on the transport's thread as the call ends; cancelling it cancels the call. */
    public static <T> CompletableFuture<T> completable(ListenableFuture<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterrupt) {
                call.cancel(mayInterrupt);
                return super.cancel(mayInterrupt);
            }
        };
        Futures.addCallback(call, new FutureCallback<>() {
            @Override
            public void onSuccess(T result) {
                future.complete(result);
            }

            @Override
            public void onFailure(Throwable failure) {
                future.completeExceptionally(failure);
            }
        }, MoreExecutors.directExecutor());
        return future;
    }
}
