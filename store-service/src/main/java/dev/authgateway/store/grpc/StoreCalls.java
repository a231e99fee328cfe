package dev.authgateway.store.grpc;

import java.util.UUID;
import java.util.function.Supplier;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** How every store rpc answers: the use case's result, or its failure as the Status {@link StoreStatuses} decides. */
final class StoreCalls {

    private StoreCalls() {
    }

    static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (StatusRuntimeException status) {
            response.onError(status);
            return;
        } catch (RuntimeException failure) {
            response.onError(StoreStatuses.toStatus(failure));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    /** An id from a request; INVALID_ARGUMENT naming the field "id" when it is not a UUID. */
    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw StoreStatuses.invalidId();
        }
    }

    /** A user id from a request; INVALID_ARGUMENT naming "user_id" when it is not a UUID. */
    static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw StoreStatuses.invalidUserId();
        }
    }
}
