package dev.authgateway.store.grpc;

import java.util.UUID;
import java.util.function.Supplier;

import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.CreateUserResponse;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UpdateProfileResponse;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.proto.user.v1.VerifyCredentialsResponse;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.UpdateProfile;
import dev.authgateway.store.domain.UserAccounts;
import io.grpc.stub.StreamObserver;

/** The UserStore contract over the store's use cases. */
public final class UserStoreGrpcService extends UserStoreGrpc.UserStoreImplBase {

    private final UserAccounts accounts;

    public UserStoreGrpcService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void createUser(CreateUserRequest request, StreamObserver<CreateUserResponse> response) {
        answer(response, () -> CreateUserResponse.newBuilder()
                .setUser(ProtoUsers.toProto(accounts.create(new SignUp(
                        request.getUsername(), request.getEmail(), request.getPassword(), request.getDisplayName()))))
                .build());
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
        answer(response, () -> GetUserResponse.newBuilder()
                .setUser(ProtoUsers.toProto(accounts.get(userId(request.getId()))))
                .build());
    }

    @Override
    public void verifyCredentials(VerifyCredentialsRequest request,
                                  StreamObserver<VerifyCredentialsResponse> response) {
        answer(response, () -> VerifyCredentialsResponse.newBuilder()
                .setUser(ProtoUsers.toProto(accounts.verifyCredentials(request.getLogin(), request.getPassword())))
                .build());
    }

    @Override
    public void updateProfile(UpdateProfileRequest request, StreamObserver<UpdateProfileResponse> response) {
        answer(response, () -> UpdateProfileResponse.newBuilder()
                .setUser(ProtoUsers.toProto(accounts.updateProfile(
                        new UpdateProfile(userId(request.getId()), request.getDisplayName()))))
                .build());
    }

    private static UUID userId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw StoreStatuses.invalidId();
        }
    }

    private static <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (io.grpc.StatusRuntimeException status) {
            response.onError(status);
            return;
        } catch (RuntimeException failure) {
            response.onError(StoreStatuses.toStatus(failure));
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
