package dev.authgateway.cache.storeclient;

import java.util.List;

import dev.authgateway.cache.domain.Writer;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Writes at the store-service over gRPC, each call with a deadline. The store's refusals are the caller's to read
 * (which field broke which rule): a failure is passed on as the store's code, description and details, nothing else.
 */
public final class StoreWriter implements Writer<User> {

    private final UserStoreGrpc.UserStoreBlockingStub store;
    private final CallDeadline deadline;

    public StoreWriter(Channel channel, CallDeadline deadline) {
        this.store = UserStoreGrpc.newBlockingStub(channel);
        this.deadline = deadline;
    }

    @Override
    public User updateProfile(String id, String displayName) {
        try {
            return deadline.on(store).updateProfile(UpdateProfileRequest.newBuilder()
                    .setId(id).setDisplayName(displayName).build()).getUser();
        } catch (StatusRuntimeException e) {
            throw passedOn(e);
        }
    }

    @Override
    public List<String> deleteUser(String id, String currentPassword, String code) {
        try {
            return deadline.on(store).deleteUser(DeleteUserRequest.newBuilder().setId(id)
                    .setCurrentPassword(currentPassword).setCode(code).build()).getEndedSessionIdsList();
        } catch (StatusRuntimeException e) {
            throw passedOn(e);
        }
    }

    @Override
    public Written<User> confirmEmailChange(String token) {
        try {
            User user = deadline.on(store).confirmEmailChange(ConfirmEmailChangeRequest.newBuilder()
                    .setToken(token).build()).getUser();
            return new Written<>(user.getId(), user);
        } catch (StatusRuntimeException e) {
            throw passedOn(e);
        }
    }

    private static StatusRuntimeException passedOn(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        return status == null ? e.getStatus().asRuntimeException() : StatusProto.toStatusRuntimeException(status);
    }
}
