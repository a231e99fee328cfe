package dev.authgateway.cache.grpc;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.authgateway.cache.domain.AsyncFailures;
import dev.authgateway.cache.domain.CacheAside;
import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.domain.CoherentWrites;
import dev.authgateway.cache.domain.InvalidationFailedException;
import dev.authgateway.cache.domain.SourceUnavailableException;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeResponse;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.DeleteUserResponse;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UpdateProfileResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.observe.CallContext;
import dev.authgateway.support.observe.RateLimitedLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * The UserCache contract over the cache-aside use case; failures become statuses here and nowhere else. A dependency
 * that is down is one line, a defect a stack trace, both within a per-minute budget so requests cannot flood the log.
 *
 * <p>{@code getUser} never blocks the thread that calls it (the server runs it on its event loop, see Main): a hit is
 * answered from Redisson's future; a miss, a Redis failure or an open breaker continues on {@code mayBlock} inside
 * the call's context, so the store call keeps the caller's deadline and trace. A call cancelled or past its deadline
 * meanwhile is not answered.
 */
public final class UserCacheGrpcService extends UserCacheGrpc.UserCacheImplBase {

    private static final RateLimitedLog LOG = RateLimitedLog.of(UserCacheGrpcService.class);
    /** The ErrorInfo of an update that was saved but not dropped from Redis (see user.proto). */
    private static final String ERROR_DOMAIN = "authgateway.user.v1";
    private static final String CACHE_NOT_INVALIDATED = "CACHE_NOT_INVALIDATED";

    private final CacheAside<User> users;
    private final CoherentWrites<User> writes;
    private final Executor mayBlock;

    /** {@code mayBlock} runs what a read may block on: store loads, and Redis while the breaker is not closed. */
    public UserCacheGrpcService(CacheAside<User> users, CoherentWrites<User> writes, Executor mayBlock) {
        this.users = users;
        this.writes = writes;
        this.mayBlock = mayBlock;
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
        Reply<GetUserResponse> reply = new Reply<>(response);
        CallContext context = CallContext.current();
        try {
            users.readAsync(validId(request.getId()), context.on(mayBlock)).whenComplete((user, failure) -> {
                if (failure != null) {
                    // toStatus may log: with the call's trace id, as on the handler's thread.
                    context.run(() -> reply.fail(toStatus(AsyncFailures.unchecked(failure))));
                } else if (user.isPresent()) {
                    reply.answer(GetUserResponse.newBuilder().setUser(user.get()).build());
                } else {
                    reply.fail(Status.NOT_FOUND.withDescription("user not found").asRuntimeException());
                }
            });
        } catch (RuntimeException e) {
            reply.fail(toStatus(e));
        }
    }

    /**
     * A unary answer given at most once, and not once the call is cancelled (by the client or its deadline): the
     * answer arrives on another thread, possibly after grpc-java has given up on the call.
     */
    private static final class Reply<R> {
        private final StreamObserver<R> observer;
        private final AtomicBoolean done = new AtomicBoolean();

        Reply(StreamObserver<R> observer) {
            this.observer = observer;
            if (observer instanceof ServerCallStreamObserver<R> call) {
                // Also tells grpc-java the handler watches for cancellation: a late onNext is then ignored, not thrown.
                call.setOnCancelHandler(() -> done.set(true));
            }
        }

        void answer(R value) {
            if (done.compareAndSet(false, true)) {
                observer.onNext(value);
                observer.onCompleted();
            }
        }

        void fail(StatusRuntimeException status) {
            if (done.compareAndSet(false, true)) {
                observer.onError(status);
            }
        }
    }

    /** The store judges the id and the name; a UUID is passed in the cache's spelling, anything else as it came. */
    @Override
    public void updateProfile(UpdateProfileRequest request, StreamObserver<UpdateProfileResponse> response) {
        try {
            User user = writes.updateProfile(uuidOrAsIs(request.getId()), request.getDisplayName());
            response.onNext(UpdateProfileResponse.newBuilder().setUser(user).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    /** As updateProfile: the store judges the id and the credentials; the cached user is dropped after. */
    @Override
    public void deleteUser(DeleteUserRequest request, StreamObserver<DeleteUserResponse> response) {
        try {
            var ended = writes.deleteUser(uuidOrAsIs(request.getId()), request.getCurrentPassword(),
                    request.getCode());
            response.onNext(DeleteUserResponse.newBuilder().addAllEndedSessionIds(ended).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    @Override
    public void confirmEmailChange(ConfirmEmailChangeRequest request,
                                   StreamObserver<ConfirmEmailChangeResponse> response) {
        try {
            User user = writes.confirmEmailChange(request.getToken());
            response.onNext(ConfirmEmailChangeResponse.newBuilder().setUser(user).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    private static String uuidOrAsIs(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /** Ids are UUIDs; anything else never reaches Redis or the store. */
    private static String validId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw Status.INVALID_ARGUMENT.withDescription("id: must be a UUID").asRuntimeException();
        }
    }

    private static StatusRuntimeException toStatus(RuntimeException failure) {
        return switch (failure) {
            case StatusRuntimeException status -> status;
            case SourceUnavailableException unavailable -> {
                LOG.dependency("store-service unavailable", "store-service unavailable", unavailable.getCause());
                yield Status.UNAVAILABLE.withDescription("user store unavailable").asRuntimeException();
            }
            case InvalidationFailedException stale -> {
                LOG.dependency("redis invalidation failed", "Profile saved but not dropped from Redis", stale.getCause());
                yield StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.UNAVAILABLE_VALUE)
                        .setMessage("profile saved but the cache could not be refreshed; retry")
                        .addDetails(Any.pack(ErrorInfo.newBuilder()
                                .setDomain(ERROR_DOMAIN).setReason(CACHE_NOT_INVALIDATED).build()))
                        .build());
            }
            case CacheUnavailableException unavailable -> {
                LOG.dependency("redis unavailable", "Redis unavailable", unavailable.getCause());
                yield Status.UNAVAILABLE.withDescription("cache unavailable").asRuntimeException();
            }
            default -> {
                LOG.fault("unexpected " + failure.getClass().getName(), "Unexpected failure", failure);
                yield Status.INTERNAL.withDescription("internal error").asRuntimeException();
            }
        };
    }
}
