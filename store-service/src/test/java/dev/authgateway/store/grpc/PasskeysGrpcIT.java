package dev.authgateway.store.grpc;

import java.time.Duration;
import java.util.UUID;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import dev.authgateway.proto.passkey.v1.FinishLoginRequest;
import dev.authgateway.proto.passkey.v1.FinishRegistrationRequest;
import dev.authgateway.proto.passkey.v1.ListPasskeysRequest;
import dev.authgateway.proto.passkey.v1.Passkey;
import dev.authgateway.proto.passkey.v1.PasskeysGrpc;
import dev.authgateway.proto.passkey.v1.RemovePasskeyRequest;
import dev.authgateway.proto.passkey.v1.StartLoginRequest;
import dev.authgateway.proto.passkey.v1.StartLoginResponse;
import dev.authgateway.proto.passkey.v1.StartRegistrationRequest;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.store.webauthn.SoftAuthenticator;
import dev.authgateway.support.grpc.CallDeadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Passkeys contract over a real socket on a real PostgreSQL database, answered by a software authenticator from
 * the example client's origin (one of application.yaml's app.passkeys.origins): each status passkeys.proto lists.
 */
@Timeout(60)
class PasskeysGrpcIT {

    private static final String ORIGIN = "http://localhost:5173";

    @RegisterExtension
    static final StoreServiceFixture fixture = new StoreServiceFixture();
    private static final UserStoreGrpc.UserStoreBlockingStub store = fixture.store();
    private static final PasskeysGrpc.PasskeysBlockingStub passkeys = fixture.passkeys();
    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(5));

    @Test
    void givenARegistration_thenListedAndADiscoverableLoginAnswersItsUserAndPasskey() {
        String userId = newUser();
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 21);

        Passkey registered = register(userId, authenticator, "Phone");

        assertThat(registered.getName()).isEqualTo("Phone");
        assertThat(registered.hasLastUsedAt()).isFalse();
        assertThat(list(userId)).containsExactly(registered);

        StartLoginResponse options = DEADLINE.on(passkeys).startLogin(StartLoginRequest.getDefaultInstance());
        var loggedIn = DEADLINE.on(passkeys).finishLogin(FinishLoginRequest.newBuilder()
                .setRequestId(options.getRequestId())
                .setResponseJson(authenticator.authenticate(options.getOptionsJson())).build());

        assertThat(loggedIn.getUserId()).isEqualTo(userId);
        assertThat(loggedIn.getPasskeyId()).isEqualTo(registered.getId());
        assertThat(list(userId)).singleElement().satisfies(listed -> assertThat(listed.hasLastUsedAt()).isTrue());
    }

    @Test
    void givenEachFailure_thenTheStatusTheContractNames() {
        String userId = newUser();
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 22);
        String answer = authenticator.register(DEADLINE.on(passkeys).startRegistration(
                StartRegistrationRequest.newBuilder().setUserId(userId).build()).getOptionsJson());
        assertThat(failure(() -> finishRegistration(newUser(), answer))).as("another user's registration")
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        finishRegistration(userId, answer);
        assertThat(failure(() -> finishRegistration(userId, answer))).as("used").isEqualTo(Status.Code.FAILED_PRECONDITION);

        StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class,
                () -> finishRegistration(userId, "{\"not\":\"a credential\"}"));
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequestField(malformed)).isEqualTo("response");

        StartLoginResponse options = DEADLINE.on(passkeys).startLogin(StartLoginRequest.getDefaultInstance());
        String assertion = authenticator.authenticate(options.getOptionsJson());
        finishLogin(options.getRequestId(), assertion);
        assertThat(failure(() -> finishLogin(options.getRequestId(), assertion))).as("request used")
                .isEqualTo(Status.Code.NOT_FOUND);

        StartLoginResponse replay = DEADLINE.on(passkeys).startLogin(StartLoginRequest.getDefaultInstance());
        String stale = authenticator.counter(0).authenticate(replay.getOptionsJson());
        assertThat(failure(() -> finishLogin(replay.getRequestId(), stale))).as("counter went back")
                .isEqualTo(Status.Code.UNAUTHENTICATED);

        assertThat(failure(() -> DEADLINE.on(passkeys).startRegistration(StartRegistrationRequest.newBuilder()
                .setUserId(UUID.randomUUID().toString()).build()))).as("no such user").isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> DEADLINE.on(passkeys).listPasskeys(ListPasskeysRequest.newBuilder()
                .setUserId("not-a-uuid").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure(() -> DEADLINE.on(passkeys).removePasskey(RemovePasskeyRequest.newBuilder()
                .setUserId(userId).setPasskeyId("not-a-uuid").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void givenARemovedPasskey_thenTheLoginIsUnauthenticated_andOnlyTheOwnerRemoves() {
        String userId = newUser();
        SoftAuthenticator authenticator = new SoftAuthenticator(ORIGIN, 23);
        Passkey passkey = register(userId, authenticator, "");
        assertThat(passkey.getName()).isEqualTo("Passkey");

        assertThat(remove(newUser(), passkey.getId())).isFalse();
        assertThat(remove(userId, passkey.getId())).isTrue();
        assertThat(list(userId)).isEmpty();

        StartLoginResponse options = DEADLINE.on(passkeys).startLogin(StartLoginRequest.getDefaultInstance());
        assertThat(failure(() -> finishLogin(options.getRequestId(),
                authenticator.authenticate(options.getOptionsJson())))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static Passkey register(String userId, SoftAuthenticator authenticator, String name) {
        String options = DEADLINE.on(passkeys).startRegistration(StartRegistrationRequest.newBuilder()
                .setUserId(userId).build()).getOptionsJson();
        return DEADLINE.on(passkeys).finishRegistration(FinishRegistrationRequest.newBuilder().setUserId(userId)
                .setResponseJson(authenticator.register(options)).setName(name).build()).getPasskey();
    }

    private static Passkey finishRegistration(String userId, String answer) {
        return DEADLINE.on(passkeys).finishRegistration(FinishRegistrationRequest.newBuilder().setUserId(userId)
                .setResponseJson(answer).build()).getPasskey();
    }

    private static void finishLogin(String requestId, String answer) {
        DEADLINE.on(passkeys).finishLogin(FinishLoginRequest.newBuilder().setRequestId(requestId)
                .setResponseJson(answer).build());
    }

    private static java.util.List<Passkey> list(String userId) {
        return DEADLINE.on(passkeys).listPasskeys(ListPasskeysRequest.newBuilder().setUserId(userId).build())
                .getPasskeysList();
    }

    private static boolean remove(String userId, String passkeyId) {
        return DEADLINE.on(passkeys).removePasskey(RemovePasskeyRequest.newBuilder().setUserId(userId)
                .setPasskeyId(passkeyId).build()).getRemoved();
    }

    private static String newUser() {
        String name = "pk" + UUID.randomUUID().toString().substring(0, 8);
        return DEADLINE.on(store).createUser(CreateUserRequest.newBuilder().setUsername(name)
                .setEmail(name + "@example.com").setPassword("correct horse battery").setDisplayName(name).build())
                .getUser().getId();
    }

    private static Status.Code failure(Runnable call) {
        StatusRuntimeException error = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(error).as("expected the call to fail").isNotNull();
        return error.getStatus().getCode();
    }

    private static String badRequestField(StatusRuntimeException error) {
        try {
            for (var detail : StatusProto.fromThrowable(error).getDetailsList()) {
                if (detail.is(BadRequest.class)) {
                    return detail.unpack(BadRequest.class).getFieldViolations(0).getField();
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        return null;
    }
}
