package dev.authgateway.store.grpc;

import java.util.UUID;

import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.EndAllSessionsRequest;
import dev.authgateway.proto.user.v1.EndSessionRequest;
import dev.authgateway.proto.user.v1.EndSessionsResponse;
import dev.authgateway.proto.user.v1.RefreshSessionRequest;
import dev.authgateway.proto.user.v1.ResolveLoginRequest;
import dev.authgateway.proto.user.v1.ResolveLoginResponse;
import dev.authgateway.proto.user.v1.SessionResponse;
import dev.authgateway.proto.user.v1.StartSessionRequest;
import dev.authgateway.proto.user.v1.CreateUserResponse;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UpdateProfileResponse;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.proto.user.v1.VerifyCredentialsResponse;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeResponse;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.DeleteUserResponse;
import dev.authgateway.store.domain.AccountLifecycle;
import dev.authgateway.store.domain.SessionDevice;
import dev.authgateway.store.domain.Sessions;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.UpdateProfile;
import dev.authgateway.store.domain.UserAccounts;
import io.grpc.stub.StreamObserver;

import static dev.authgateway.store.grpc.StoreCalls.answer;

/** The UserStore contract over the store's use cases. */
public final class UserStoreGrpcService extends UserStoreGrpc.UserStoreImplBase {

    private final UserAccounts accounts;
    private final Sessions sessions;
    private final AccountLifecycle lifecycle;

    public UserStoreGrpcService(UserAccounts accounts, Sessions sessions) {
        this(accounts, sessions, null);
    }

    /** {@code lifecycle} serves DeleteUser and ConfirmEmailChange (UNIMPLEMENTED without it). */
    public UserStoreGrpcService(UserAccounts accounts, Sessions sessions, AccountLifecycle lifecycle) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
    }

    @Override
    public void startSession(StartSessionRequest request, StreamObserver<SessionResponse> response) {
        answer(response, () -> toProto(sessions.start(accounts.get(userId(request.getUserId())).id(),
                new SessionDevice(request.getUserAgent(), request.getClientAddress()))));
    }

    @Override
    public void refreshSession(RefreshSessionRequest request, StreamObserver<SessionResponse> response) {
        answer(response, () -> toProto(sessions.refresh(request.getRefreshToken(),
                new SessionDevice(request.getUserAgent(), request.getClientAddress()))));
    }

    @Override
    public void deleteUser(DeleteUserRequest request, StreamObserver<DeleteUserResponse> response) {
        if (lifecycle == null) {
            super.deleteUser(request, response);
            return;
        }
        answer(response, () -> DeleteUserResponse.newBuilder()
                .addAllEndedSessionIds(lifecycle.delete(userId(request.getId()), request.getCurrentPassword(),
                        request.getCode()).stream().map(UUID::toString).toList())
                .build());
    }

    @Override
    public void confirmEmailChange(ConfirmEmailChangeRequest request,
                                   StreamObserver<ConfirmEmailChangeResponse> response) {
        if (lifecycle == null) {
            super.confirmEmailChange(request, response);
            return;
        }
        answer(response, () -> ConfirmEmailChangeResponse.newBuilder()
                .setUser(ProtoUsers.toProto(lifecycle.confirmEmailChange(request.getToken())))
                .build());
    }

    @Override
    public void endSession(EndSessionRequest request, StreamObserver<EndSessionsResponse> response) {
        answer(response, () -> ended(sessions.end(userId(request.getSessionId()), userId(request.getUserId()))));
    }

    @Override
    public void endAllSessions(EndAllSessionsRequest request, StreamObserver<EndSessionsResponse> response) {
        answer(response, () -> ended(sessions.endAll(userId(request.getUserId()))));
    }

    private static SessionResponse toProto(Sessions.Refreshed refreshed) {
        SessionResponse.Builder builder = SessionResponse.newBuilder()
                .setSessionId(refreshed.sessionId().toString())
                .setReuseDetected(refreshed.reuseDetected())
                .setExpiresAt(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(refreshed.expiresAt().getEpochSecond())
                        .setNanos(refreshed.expiresAt().getNano()));
        if (refreshed.refreshToken() != null) {
            builder.setRefreshToken(refreshed.refreshToken());
        }
        if (refreshed.userId() != null) {
            builder.setUserId(refreshed.userId().toString());
        }
        return builder.build();
    }

    private static EndSessionsResponse ended(java.util.List<UUID> sessionIds) {
        return EndSessionsResponse.newBuilder()
                .addAllEndedSessionIds(sessionIds.stream().map(UUID::toString).toList()).build();
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
    public void resolveLogin(ResolveLoginRequest request, StreamObserver<ResolveLoginResponse> response) {
        answer(response, () -> {
            var resolution = accounts.resolveLogin(request.getLogin());
            return ResolveLoginResponse.newBuilder()
                    .setUserId(resolution.userId().map(UUID::toString).orElse(""))
                    .setCanonicalLogin(resolution.canonicalLogin())
                    .build();
        });
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
}
