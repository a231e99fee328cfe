package dev.authgateway.cache.storeclient;

import java.util.Optional;

import dev.authgateway.cache.domain.Source;
import dev.authgateway.cache.domain.SourceUnavailableException;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/** Users from the store-service over gRPC, each call with a deadline. */
public final class StoreUserSource implements Source<User> {

    private final UserStoreGrpc.UserStoreBlockingStub store;
    private final CallDeadline deadline;

    public StoreUserSource(Channel channel, CallDeadline deadline) {
        this.store = UserStoreGrpc.newBlockingStub(channel);
        this.deadline = deadline;
    }

    @Override
    public Optional<User> load(String id) {
        try {
            return Optional.of(deadline.on(store).getUser(GetUserRequest.newBuilder().setId(id).build()).getUser());
        } catch (StatusRuntimeException e) {
            return switch (e.getStatus().getCode()) {
                case NOT_FOUND -> Optional.empty();
                case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED -> throw new SourceUnavailableException(e);
                default -> throw e;
            };
        }
    }
}
