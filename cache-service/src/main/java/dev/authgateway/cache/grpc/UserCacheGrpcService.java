package dev.authgateway.cache.grpc;

import java.util.UUID;

import dev.authgateway.cache.domain.CacheAside;
import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.domain.SourceUnavailableException;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.InvalidateUserRequest;
import dev.authgateway.proto.user.v1.InvalidateUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.observe.RateLimitedLog;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/**
 * The UserCache contract over the cache-aside use case; failures become statuses here and nowhere else. A dependency
 * that is down is one line, a defect a stack trace, both within a per-minute budget so requests cannot flood the log.
 */
public final class UserCacheGrpcService extends UserCacheGrpc.UserCacheImplBase {

    private static final RateLimitedLog LOG = RateLimitedLog.of(UserCacheGrpcService.class);

    private final CacheAside<User> users;

    public UserCacheGrpcService(CacheAside<User> users) {
        this.users = users;
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
        try {
            User user = users.read(validId(request.getId()))
                    .orElseThrow(() -> Status.NOT_FOUND.withDescription("user not found").asRuntimeException());
            response.onNext(GetUserResponse.newBuilder().setUser(user).build());
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
        }
    }

    @Override
    public void invalidateUser(InvalidateUserRequest request, StreamObserver<InvalidateUserResponse> response) {
        try {
            users.invalidate(validId(request.getId()));
            response.onNext(InvalidateUserResponse.getDefaultInstance());
            response.onCompleted();
        } catch (RuntimeException e) {
            response.onError(toStatus(e));
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
