package dev.authgateway.cache;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * DeleteUser and ConfirmEmailChange through either of two replicas with near caches over one Redis: once the write
 * is acknowledged, no replica answers the deleted user or the old address, though both had it cached.
 */
class AccountLifecycleCoherenceIT {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(15));

    private TwoReplicas replicas;
    private FakeUserStore store;
    private List<UserCacheGrpc.UserCacheBlockingStub> stubs;

    @BeforeEach
    void start() {
        replicas = new TwoReplicas();
        store = replicas.store;
        stubs = replicas.stubs;
    }

    @AfterEach
    void stop() {
        replicas.close();
    }

    @Test
    void givenAUserCachedOnBothReplicas_whenDeletedThroughOne_thenNeitherAnswersIt() {
        User ada = cachedEverywhere("ada@example.com");

        StatusRuntimeException wrong = catchThrowableOfType(StatusRuntimeException.class, () -> DEADLINE.on(
                stubs.get(0)).deleteUser(DeleteUserRequest.newBuilder().setId(ada.getId())
                .setCurrentPassword("wrong").build()));
        assertThat(wrong.getStatus().getCode()).as("the store's refusal passes through")
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        stubs.forEach(stub -> assertThat(read(stub, ada.getId())).isEqualTo(ada));

        List<String> ended = DEADLINE.on(stubs.get(0)).deleteUser(DeleteUserRequest.newBuilder().setId(ada.getId())
                .setCurrentPassword(FakeUserStore.PASSWORD).build()).getEndedSessionIdsList();

        assertThat(ended).containsExactly("session-of-" + ada.getId());
        for (UserCacheGrpc.UserCacheBlockingStub stub : stubs) {
            StatusRuntimeException gone = catchThrowableOfType(StatusRuntimeException.class,
                    () -> read(stub, ada.getId()));
            assertThat(gone.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        }
    }

    @Test
    void givenAUserCachedOnBothReplicas_whenTheEmailChangeIsConfirmedThroughOne_thenNeitherShowsTheOldAddress() {
        User ada = cachedEverywhere("old@example.com");
        store.emailChange("token-1", ada.getId(), "new@example.com");

        User changed = DEADLINE.on(stubs.get(1)).confirmEmailChange(ConfirmEmailChangeRequest.newBuilder()
                .setToken("token-1").build()).getUser();

        assertThat(changed.getEmail()).isEqualTo("new@example.com");
        stubs.forEach(stub -> assertThat(read(stub, ada.getId()).getEmail()).isEqualTo("new@example.com"));
        StatusRuntimeException reused = catchThrowableOfType(StatusRuntimeException.class, () -> DEADLINE.on(
                stubs.get(0)).confirmEmailChange(ConfirmEmailChangeRequest.newBuilder().setToken("token-1").build()));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    /** A user in the store, read through both replicas twice: in Redis and in both near caches. */
    private User cachedEverywhere(String email) {
        User user = User.newBuilder().setId(UUID.randomUUID().toString()).setUsername("ada").setEmail(email)
                .setDisplayName("Ada").setVersion(1).build();
        store.put(user);
        for (int round = 0; round < 2; round++) {
            stubs.forEach(stub -> assertThat(read(stub, user.getId())).isEqualTo(user));
        }
        assertThat(store.calls(user.getId())).as("loaded once, then served from the caches").isEqualTo(1);
        return user;
    }

    private static User read(UserCacheGrpc.UserCacheBlockingStub stub, String id) {
        return DEADLINE.on(stub).getUser(GetUserRequest.newBuilder().setId(id).build()).getUser();
    }

}
