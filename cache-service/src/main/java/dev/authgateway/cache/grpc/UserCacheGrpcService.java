package dev.authgateway.cache.grpc;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.authgateway.cache.domain.CacheAside;
import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.domain.SourceUnavailableException;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.InvalidateUserRequest;
import dev.authgateway.proto.user.v1.InvalidateUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;

/** The UserCache contract over the cache-aside use case; failures become statuses here and nowhere else. */
public final class UserCacheGrpcService extends UserCacheGrpc.UserCacheImplBase {

    private static final Logger LOG = Logger.getLogger(UserCacheGrpcService.class.getName());

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
                LOG.log(Level.WARNING, "store-service unavailable: " + unavailable.getCause().getMessage());
                yield Status.UNAVAILABLE.withDescription("user store unavailable").asRuntimeException();
            }
            case CacheUnavailableException unavailable -> {
                LOG.log(Level.WARNING, "Redis unavailable: " + unavailable.getCause().getMessage());
                yield Status.UNAVAILABLE.withDescription("cache unavailable").asRuntimeException();
            }
            default -> {
                LOG.log(Level.SEVERE, "Unexpected failure", failure);
                yield Status.INTERNAL.withDescription("internal error").asRuntimeException();
            }
        };
    }
}
