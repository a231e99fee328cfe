package dev.authgateway.gateway.grpcclient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.authgateway.gateway.domain.LoginSubject;
import dev.authgateway.gateway.domain.RequestOrigin;
import dev.authgateway.gateway.domain.Session;
import dev.authgateway.gateway.domain.NewAccount;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.gateway.domain.UserDirectory;
import dev.authgateway.gateway.grpcclient.GrpcStatuses.Asked;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.EndAllSessionsRequest;
import dev.authgateway.proto.user.v1.EndSessionRequest;
import dev.authgateway.proto.user.v1.RefreshSessionRequest;
import dev.authgateway.proto.user.v1.ResolveLoginRequest;
import dev.authgateway.proto.user.v1.ResolveLoginResponse;
import dev.authgateway.proto.user.v1.SessionResponse;
import dev.authgateway.proto.user.v1.StartSessionRequest;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;

/**
 * Users over gRPC: accounts, credentials and sessions at the store-service; the profile (read and write) at the
 * cache-service, which keeps its cache coherent with the store and falls back to the store itself when Redis is down.
 * Every call has a deadline; a read the cache-service answered UNAVAILABLE is tried again by the channel's retry
 * policy ({@link CacheReadRetry}), and a read it has not answered in a short while is also asked of the store
 * ({@link HedgedUserRead}). Failures become the gateway's codes in {@link GrpcStatuses} only.
 *
 * <p>Signup and login have a deadline of their own: they wait for an Argon2id hash, which queues for a core when the
 * store-service's machine is busy (as when every read falls back to PostgreSQL during a Redis failover).
 */
public final class GrpcUserDirectory implements UserDirectory {

    private final UserStoreGrpc.UserStoreBlockingStub store;
    private final UserCacheGrpc.UserCacheBlockingStub cache;
    private final CallDeadline storeDeadline;
    private final CallDeadline credentialDeadline;
    private final CallDeadline cacheWriteDeadline;
    private final HedgedUserRead reads;

    /**
     * {@code cacheWriteDeadline} covers the cache-service's write at the store and its attempts to drop the cached
     * user, so it is longer than the store's deadline.
     */
    public GrpcUserDirectory(Channel storeChannel, CallDeadline storeDeadline, CallDeadline credentialDeadline,
                             Channel cacheChannel, CallDeadline cacheDeadline, CallDeadline cacheWriteDeadline,
                             Duration hedgeAfter, CircuitBreaker cacheReads) {
        this.store = UserStoreGrpc.newBlockingStub(storeChannel);
        this.cache = UserCacheGrpc.newBlockingStub(cacheChannel);
        this.storeDeadline = storeDeadline;
        this.credentialDeadline = credentialDeadline;
        this.cacheWriteDeadline = cacheWriteDeadline;
        this.reads = new HedgedUserRead(cacheChannel, cacheDeadline, storeChannel, storeDeadline, hedgeAfter,
                cacheReads);
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
            throw GrpcStatuses.toGatewayException(e, Asked.ACCOUNT);
        }
    }

    @Override
    public LoginSubject resolveLogin(String login) {
        try {
            ResolveLoginResponse resolved = storeDeadline.on(store).resolveLogin(
                    ResolveLoginRequest.newBuilder().setLogin(login).build());
            return new LoginSubject(resolved.getUserId(), resolved.getCanonicalLogin());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.ACCOUNT);
        }
    }

    @Override
    public User verifyCredentials(String login, String password) {
        try {
            return ProtoUsers.fromProto(credentialDeadline.on(store).verifyCredentials(VerifyCredentialsRequest.newBuilder()
                    .setLogin(login).setPassword(password).build()).getUser());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.ACCOUNT);
        }
    }

    @Override
    public User get(String userId) {
        try {
            return ProtoUsers.fromProto(reads.read(GetUserRequest.newBuilder().setId(userId).build()).getUser());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.TOKEN_USER);
        }
    }

    /** The breaker over profile reads, from {@code app.cache.breaker}. */
    public static CircuitBreaker cacheReadBreaker(Config breaker) {
        return HedgedUserRead.breaker(breaker);
    }

    @Override
    public User updateDisplayName(String userId, String displayName) {
        try {
            return ProtoUsers.fromProto(cacheWriteDeadline.on(cache).updateProfile(UpdateProfileRequest.newBuilder()
                    .setId(userId).setDisplayName(displayName).build()).getUser());
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.TOKEN_USER_PROFILE);
        }
    }

    @Override
    public Session startSession(String userId) {
        return startSession(userId, RequestOrigin.UNKNOWN);
    }

    @Override
    public Session startSession(String userId, RequestOrigin origin) {
        try {
            return session(storeDeadline.on(store).startSession(StartSessionRequest.newBuilder().setUserId(userId)
                    .setUserAgent(origin.userAgent()).setClientAddress(address(origin)).build()));
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.TOKEN_USER);
        }
    }

    @Override
    public Session refreshSession(String refreshToken) {
        return refreshSession(refreshToken, RequestOrigin.UNKNOWN);
    }

    @Override
    public Session refreshSession(String refreshToken, RequestOrigin origin) {
        try {
            return session(storeDeadline.on(store).refreshSession(RefreshSessionRequest.newBuilder()
                    .setRefreshToken(refreshToken).setUserAgent(origin.userAgent())
                    .setClientAddress(address(origin)).build()));
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.REFRESH_TOKEN);
        }
    }

    @Override
    public List<String> endSession(String sessionId, String userId) {
        try {
            return storeDeadline.on(store).endSession(EndSessionRequest.newBuilder()
                    .setSessionId(sessionId).setUserId(userId).build()).getEndedSessionIdsList();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.TOKEN_USER);
        }
    }

    @Override
    public List<String> endAllSessions(String userId) {
        try {
            return storeDeadline.on(store).endAllSessions(EndAllSessionsRequest.newBuilder().setUserId(userId).build())
                    .getEndedSessionIdsList();
        } catch (StatusRuntimeException e) {
            throw GrpcStatuses.toGatewayException(e, Asked.TOKEN_USER);
        }
    }

    /** The client's address as the session records it; none for a call without a request behind it. */
    private static String address(RequestOrigin origin) {
        return origin == RequestOrigin.UNKNOWN ? "" : origin.clientAddress();
    }

    private static Session session(SessionResponse response) {
        return new Session(response.getRefreshToken(), response.getSessionId(), response.getUserId(),
                Instant.ofEpochSecond(response.getExpiresAt().getSeconds(), response.getExpiresAt().getNanos()),
                response.getReuseDetected());
    }
}
