package dev.authgateway.gateway.storeclient;

import java.time.Instant;
import java.util.List;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.LoginSubject;
import dev.authgateway.gateway.domain.Session;
import dev.authgateway.gateway.domain.NewAccount;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.gateway.domain.UserDirectory;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.EndAllSessionsRequest;
import dev.authgateway.proto.user.v1.EndSessionRequest;
import dev.authgateway.proto.user.v1.RefreshSessionRequest;
import dev.authgateway.proto.user.v1.ResolveLoginRequest;
import dev.authgateway.proto.user.v1.ResolveLoginResponse;
import dev.authgateway.proto.user.v1.SessionResponse;
import dev.authgateway.proto.user.v1.StartSessionRequest;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.InvalidateUserRequest;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Users over gRPC: writes and credential checks at the store-service, reads through the cache-service.
 * Every call has a deadline; only the idempotent read is retried, once, and only when the cache was unavailable;
 * when it still is, the read goes to the store-service directly.
 *
 * <p>Signup and login have a deadline of their own: they wait for an Argon2id hash, which queues for a core when the
 * store-service's machine is busy (as when every read falls back to PostgreSQL during a Redis failover).
 */
public final class GrpcUserDirectory implements UserDirectory {

    private final UserStoreGrpc.UserStoreBlockingStub store;
    private final UserCacheGrpc.UserCacheBlockingStub cache;
    private final CallDeadline storeDeadline;
    private final CallDeadline credentialDeadline;
    private final CallDeadline cacheDeadline;

    public GrpcUserDirectory(Channel storeChannel, CallDeadline storeDeadline, CallDeadline credentialDeadline,
                             Channel cacheChannel, CallDeadline cacheDeadline) {
        this.store = UserStoreGrpc.newBlockingStub(storeChannel);
        this.cache = UserCacheGrpc.newBlockingStub(cacheChannel);
        this.storeDeadline = storeDeadline;
        this.credentialDeadline = credentialDeadline;
        this.cacheDeadline = cacheDeadline;
    }

    @Override
    public User create(NewAccount account) {
        try {
            return ProtoUsers.fromProto(credentialDeadline.on(store).createUser(CreateUserRequest.newBuilder()
                    .setUsername(account.username())
                    .setEmail(account.email())
                    .setPassword(account.password())
                    .setDisplayName(account.displayName())
                    .build()).getUser());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e);
        }
    }

    @Override
    public LoginSubject resolveLogin(String login) {
        try {
            ResolveLoginResponse resolved = storeDeadline.on(store).resolveLogin(
                    ResolveLoginRequest.newBuilder().setLogin(login).build());
            return new LoginSubject(resolved.getUserId(), resolved.getCanonicalLogin());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e);
        }
    }

    @Override
    public User verifyCredentials(String login, String password) {
        try {
            return ProtoUsers.fromProto(credentialDeadline.on(store).verifyCredentials(VerifyCredentialsRequest.newBuilder()
                    .setLogin(login).setPassword(password).build()).getUser());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e);
        }
    }

    @Override
    public User get(String userId) {
        GetUserRequest request = GetUserRequest.newBuilder().setId(userId).build();
        try {
            return ProtoUsers.fromProto(cacheDeadline.on(cache).getUser(request).getUser());
        } catch (StatusRuntimeException first) {
            if (first.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                throw GrpcStatuses.forCaller(first);
            }
            try {
                return ProtoUsers.fromProto(cacheDeadline.on(cache).getUser(request).getUser());
            } catch (StatusRuntimeException second) {
                if (second.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                    throw GrpcStatuses.forCaller(second);
                }
                return readFromStore(request);
            }
        }
    }

    /** The cache-service is down (restarting, say): the store answers reads itself, at PostgreSQL's cost. */
    private User readFromStore(GetUserRequest request) {
        try {
            return ProtoUsers.fromProto(storeDeadline.on(store).getUser(request).getUser());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.forCaller(e);
        }
    }

    @Override
    public User updateDisplayName(String userId, String displayName) {
        try {
            return ProtoUsers.fromProto(storeDeadline.on(store).updateProfile(UpdateProfileRequest.newBuilder()
                    .setId(userId).setDisplayName(displayName).build()).getUser());
        } catch (StatusRuntimeException e) {
            GatewayException mapped = e.getStatus().getCode() == Status.Code.NOT_FOUND
                    ? GrpcStatuses.forCaller(e) : GrpcStatuses.toGatewayException(e);
            throw mapped;
        }
    }

    @Override
    public void invalidateCached(String userId) {
        try {
            cacheDeadline.on(cache).invalidateUser(InvalidateUserRequest.newBuilder().setId(userId).build());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e);
        }
    }

    @Override
    public Session startSession(String userId) {
        try {
            return session(storeDeadline.on(store).startSession(StartSessionRequest.newBuilder().setUserId(userId).build()));
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.forCaller(e);
        }
    }

    @Override
    public Session refreshSession(String refreshToken) {
        try {
            return session(storeDeadline.on(store).refreshSession(RefreshSessionRequest.newBuilder()
                    .setRefreshToken(refreshToken).build()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                throw new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired refresh token");
            }
            throw GrpcStatuses.toGatewayException(e);
        }
    }

    @Override
    public List<String> endSession(String sessionId, String userId) {
        try {
            return storeDeadline.on(store).endSession(EndSessionRequest.newBuilder()
                    .setSessionId(sessionId).setUserId(userId).build()).getEndedSessionIdsList();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.forCaller(e);
        }
    }

    @Override
    public List<String> endAllSessions(String userId) {
        try {
            return storeDeadline.on(store).endAllSessions(EndAllSessionsRequest.newBuilder().setUserId(userId).build())
                    .getEndedSessionIdsList();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.forCaller(e);
        }
    }

    private static Session session(SessionResponse response) {
        return new Session(response.getRefreshToken(), response.getSessionId(), response.getUserId(),
                Instant.ofEpochSecond(response.getExpiresAt().getSeconds(), response.getExpiresAt().getNanos()),
                response.getReuseDetected());
    }
}
