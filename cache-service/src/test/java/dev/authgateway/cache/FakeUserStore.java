package dev.authgateway.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeRequest;
import dev.authgateway.proto.user.v1.ConfirmEmailChangeResponse;
import dev.authgateway.proto.user.v1.DeleteUserRequest;
import dev.authgateway.proto.user.v1.DeleteUserResponse;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.UpdateProfileResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * A store-service stand-in served over a real socket: counts GetUser calls, and can hold them until released.
 * UpdateProfile refuses an empty display name as the store does: INVALID_ARGUMENT with a BadRequest naming the field.
 */
final class FakeUserStore extends UserStoreGrpc.UserStoreImplBase {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger callsStarted = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final Semaphore cancelledByCaller = new Semaphore(0);

    /** The password DeleteUser accepts, and the email-change tokens ConfirmEmailChange accepts once (token to address). */
    static final String PASSWORD = "right password";
    private final Map<String, Map.Entry<String, String>> emailChanges = new ConcurrentHashMap<>();

    void put(User user) {
        users.put(user.getId(), user);
    }

    /** A mailed email-change token that moves the user to the address. */
    void emailChange(String token, String userId, String newEmail) {
        emailChanges.put(token, Map.entry(userId, newEmail));
    }

    User get(String id) {
        return users.get(id);
    }

    int calls(String id) {
        return calls.getOrDefault(id, new AtomicInteger()).get();
    }

    int callsStarted() {
        return callsStarted.get();
    }

    /** Whether a GetUser call was cancelled by its caller (its deadline or its cancellation) within the time given. */
    boolean awaitCallCancelled(Duration within) throws InterruptedException {
        return cancelledByCaller.tryAcquire(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Calls from now on wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
        calls.computeIfAbsent(request.getId(), id -> new AtomicInteger()).incrementAndGet();
        callsStarted.incrementAndGet();
        Context.current().addListener(cancelled -> cancelledByCaller.release(), Runnable::run);
        // What was stored when the call arrived: a slow read of an old row, as a database would give.
        User snapshot = users.get(request.getId());
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                response.onError(Status.DEADLINE_EXCEEDED.asRuntimeException());
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.onError(Status.CANCELLED.asRuntimeException());
            return;
        }
        if (snapshot == null) {
            response.onError(Status.NOT_FOUND.withDescription("user not found").asRuntimeException());
        } else {
            response.onNext(GetUserResponse.newBuilder().setUser(snapshot).build());
            response.onCompleted();
        }
    }

    @Override
    public void deleteUser(DeleteUserRequest request, StreamObserver<DeleteUserResponse> response) {
        if (!users.containsKey(request.getId())) {
            response.onError(Status.NOT_FOUND.withDescription("user not found").asRuntimeException());
        } else if (!PASSWORD.equals(request.getCurrentPassword())) {
            response.onError(Status.UNAUTHENTICATED.withDescription("invalid credentials").asRuntimeException());
        } else {
            users.remove(request.getId());
            response.onNext(DeleteUserResponse.newBuilder().addEndedSessionIds("session-of-" + request.getId())
                    .build());
            response.onCompleted();
        }
    }

    @Override
    public void confirmEmailChange(ConfirmEmailChangeRequest request,
                                   StreamObserver<ConfirmEmailChangeResponse> response) {
        Map.Entry<String, String> change = emailChanges.remove(request.getToken());
        User current = change == null ? null : users.get(change.getKey());
        if (current == null) {
            response.onError(Status.UNAUTHENTICATED.withDescription("invalid or expired token").asRuntimeException());
        } else {
            User changed = current.toBuilder().setEmail(change.getValue()).setVersion(current.getVersion() + 1).build();
            users.put(changed.getId(), changed);
            response.onNext(ConfirmEmailChangeResponse.newBuilder().setUser(changed).build());
            response.onCompleted();
        }
    }

    @Override
    public void updateProfile(UpdateProfileRequest request, StreamObserver<UpdateProfileResponse> response) {
        User current = users.get(request.getId());
        if (request.getDisplayName().isEmpty()) {
            response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("displayName must not be empty")
                    .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation
                            .newBuilder().setField("displayName").setDescription("must not be empty")).build()))
                    .build()));
        } else if (current == null) {
            response.onError(Status.NOT_FOUND.withDescription("user not found").asRuntimeException());
        } else {
            User updated = current.toBuilder().setDisplayName(request.getDisplayName())
                    .setVersion(current.getVersion() + 1).build();
            users.put(updated.getId(), updated);
            response.onNext(UpdateProfileResponse.newBuilder().setUser(updated).build());
            response.onCompleted();
        }
    }
}
