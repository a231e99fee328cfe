package dev.authgateway.store.grpc;

import java.time.Duration;
import java.util.UUID;

import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.EndAllSessionsRequest;
import dev.authgateway.proto.user.v1.EndSessionRequest;
import dev.authgateway.proto.user.v1.RefreshSessionRequest;
import dev.authgateway.proto.user.v1.SessionResponse;
import dev.authgateway.proto.user.v1.StartSessionRequest;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Refresh-token rotation and reuse detection over a real socket, on a real PostgreSQL database. */
class SessionsGrpcIT {

    @RegisterExtension
    static final StoreServiceFixture fixture = new StoreServiceFixture();
    private static final UserStoreGrpc.UserStoreBlockingStub store = fixture.store();
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(5));

    @Test
    void givenARefresh_thenTheOldTokenStopsWorkingAndItsReuseEndsTheWholeSession() {
        String userId = newUser();
        SessionResponse first = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(userId).build());

        SessionResponse second = refresh(first.getRefreshToken());
        assertThat(second.getReuseDetected()).isFalse();
        assertThat(second.getSessionId()).isEqualTo(first.getSessionId());
        assertThat(second.getUserId()).isEqualTo(userId);
        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken()).hasSizeGreaterThanOrEqualTo(43);

        SessionResponse replay = refresh(first.getRefreshToken());
        assertThat(replay.getReuseDetected()).isTrue();
        assertThat(replay.getSessionId()).isEqualTo(first.getSessionId());
        assertThat(replay.getRefreshToken()).isEmpty();

        assertThat(refreshFailure(second.getRefreshToken())).as("the whole session ended")
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenUnknownTokens_thenUnauthenticated() {
        assertThat(refreshFailure("not-a-token")).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refreshFailure("")).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenEndingSessions_thenOnlyTheOwnerEndsOneAndEndAllEndsTheRest() {
        String userId = newUser();
        SessionResponse phone = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(userId).build());
        SessionResponse laptop = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(userId).build());
        SessionResponse tablet = DEADLINE.on(store).startSession(StartSessionRequest.newBuilder().setUserId(userId).build());

        assertThat(DEADLINE.on(store).endSession(EndSessionRequest.newBuilder().setSessionId(phone.getSessionId())
                .setUserId(newUser()).build()).getEndedSessionIdsList()).as("not the owner").isEmpty();
        assertThat(DEADLINE.on(store).endSession(EndSessionRequest.newBuilder().setSessionId(phone.getSessionId())
                .setUserId(userId).build()).getEndedSessionIdsList()).containsExactly(phone.getSessionId());
        assertThat(refreshFailure(phone.getRefreshToken())).isEqualTo(Status.Code.UNAUTHENTICATED);

        assertThat(DEADLINE.on(store).endAllSessions(EndAllSessionsRequest.newBuilder().setUserId(userId).build())
                .getEndedSessionIdsList()).containsExactlyInAnyOrder(laptop.getSessionId(), tablet.getSessionId());
        assertThat(refreshFailure(laptop.getRefreshToken())).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refreshFailure(tablet.getRefreshToken())).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static String newUser() {
        String name = "s" + UUID.randomUUID().toString().substring(0, 8);
        return DEADLINE.on(store).createUser(CreateUserRequest.newBuilder().setUsername(name)
                .setEmail(name + "@example.com").setPassword("correct horse battery").setDisplayName(name).build())
                .getUser().getId();
    }

    private static SessionResponse refresh(String token) {
        return DEADLINE.on(store).refreshSession(RefreshSessionRequest.newBuilder().setRefreshToken(token).build());
    }

    private static Status.Code refreshFailure(String token) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, () -> refresh(token));
        assertThat(error).as("expected the refresh to fail").isNotNull();
        return error.getStatus().getCode();
    }
}
