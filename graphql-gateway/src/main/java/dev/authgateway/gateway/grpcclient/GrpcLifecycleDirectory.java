package dev.authgateway.gateway.grpcclient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.protobuf.Timestamp;
import dev.authgateway.gateway.domain.AccountExport;
import dev.authgateway.gateway.domain.LifecycleDirectory;
import dev.authgateway.gateway.domain.SessionInfo;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.gateway.grpcclient.GrpcStatuses.Asked;
import dev.authgateway.proto.user.v1.AccountLifecycleGrpc;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.EndSessionRequest;
import dev.authgateway.proto.user.v1.ExportAccountRequest;
import dev.authgateway.proto.user.v1.ExportAccountResponse;
import dev.authgateway.proto.user.v1.ListSessionsRequest;
import dev.authgateway.proto.user.v1.RequestEmailChangeRequest;
import dev.authgateway.proto.user.v1.SessionDetails;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/**
 * The account lifecycle over gRPC: reads and the email-change request at the store-service (account_lifecycle.proto);
 * deletion and the email-change confirmation at the cache-service (UserCache.DeleteUser, ConfirmEmailChange), which
 * writes at the store and then drops the cached user, so no replica serves what was replaced. Calls that wait for an
 * Argon2id hash (the current password) have the credential deadline, or, through the cache-service, the cache's
 * write deadline, whichever is longer. Failures become the gateway's codes in {@link GrpcStatuses}.
 */
public final class GrpcLifecycleDirectory implements LifecycleDirectory {

    private final AccountLifecycleGrpc.AccountLifecycleBlockingStub store;
    private final UserStoreGrpc.UserStoreBlockingStub sessionStore;
    private final UserCacheGrpc.UserCacheBlockingStub cache;
    private final CallDeadline storeDeadline;
    private final CallDeadline credentialDeadline;
    private final CallDeadline cacheWriteDeadline;

    public GrpcLifecycleDirectory(Channel storeChannel, CallDeadline storeDeadline, CallDeadline credentialDeadline,
                                  Channel cacheChannel, CallDeadline cacheWriteDeadline) {
        this.store = AccountLifecycleGrpc.newBlockingStub(storeChannel);
        this.sessionStore = UserStoreGrpc.newBlockingStub(storeChannel);
        this.cache = UserCacheGrpc.newBlockingStub(cacheChannel);
        this.storeDeadline = storeDeadline;
        this.credentialDeadline = credentialDeadline;
        this.cacheWriteDeadline = cacheWriteDeadline;
    }

    @Override
    public List<SessionInfo> sessions(String userId) {
        return call(Asked.TOKEN_USER, () -> sessions(storeDeadline.on(store).listSessions(ListSessionsRequest
                .newBuilder().setUserId(userId).build()).getSessionsList()));
    }

    @Override
    public List<String> endSession(String sessionId, String userId) {
        return call(Asked.TOKEN_USER, () -> storeDeadline.on(sessionStore).endSession(EndSessionRequest.newBuilder()
                .setSessionId(sessionId).setUserId(userId).build()).getEndedSessionIdsList());
    }

    @Override
    public List<String> deleteAccount(String userId, String currentPassword, String code) {
        return call(Asked.REAUTHENTICATION, () -> longer().on(cache).deleteUser(DeleteUserRequest.newBuilder()
                .setId(userId).setCurrentPassword(currentPassword).setCode(code).build()).getEndedSessionIdsList());
    }

    @Override
    public AccountExport export(String userId) {
        ExportAccountResponse response = call(Asked.TOKEN_USER, () -> storeDeadline.on(store).exportAccount(
                ExportAccountRequest.newBuilder().setUserId(userId).build()));
        return new AccountExport(ProtoUsers.fromProto(response.getUser()), instant(response.getUpdatedAt()),
                response.hasEmailVerifiedAt() ? Optional.of(instant(response.getEmailVerifiedAt())) : Optional.empty(),
                response.hasSecondFactorEnabledAt() ? Optional.of(instant(response.getSecondFactorEnabledAt()))
                        : Optional.empty(),
                sessions(response.getSessionsList()), null);
    }

    @Override
    public void requestEmailChange(String userId, String newEmail, String currentPassword) {
        call(Asked.REAUTHENTICATION, () -> credentialDeadline.on(store).requestEmailChange(
                RequestEmailChangeRequest.newBuilder().setUserId(userId).setNewEmail(newEmail)
                        .setCurrentPassword(currentPassword).build()));
    }

    @Override
    public User confirmEmailChange(String token) {
        return call(Asked.ACCOUNT, () -> ProtoUsers.fromProto(cacheWriteDeadline.on(cache).confirmEmailChange(
                ConfirmEmailChangeRequest.newBuilder().setToken(token).build()).getUser()));
    }

    /** A deletion waits for a hash at the store and for the cache to drop the user. */
    private CallDeadline longer() {
        return credentialDeadline.timeout().compareTo(cacheWriteDeadline.timeout()) >= 0
                ? credentialDeadline : cacheWriteDeadline;
    }

    private static List<SessionInfo> sessions(List<SessionDetails> sessions) {
        return sessions.stream().map(session -> new SessionInfo(session.getSessionId(), session.getUserAgent(),
                session.getClientAddress(), instant(session.getCreatedAt()), instant(session.getLastUsedAt()),
                instant(session.getExpiresAt()), false)).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static <T> T call(Asked asked, Supplier<T> rpc) {
        try {
            return rpc.get();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, asked);
        }
    }
}
