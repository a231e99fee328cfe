package dev.authgateway.conformance.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.CreateUserResponse;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.proto.user.v1.VerifyCredentialsResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * UserStore without a database; {@code GetUser}'s behaviour is chosen by the request's id:
 * {@value #OK} answers, {@value #DETAILS} fails with {@code google.rpc} details, {@value #DEADLINE} records the
 * deadline the handler sees, {@value #BLOCK} waits for the call's cancellation, {@value #HOLD} waits for
 * {@link #release}; any other id is echoed as the user's display name. {@code VerifyCredentials} always throws.
 */
final class FakeUserStore extends UserStoreGrpc.UserStoreImplBase {

    static final String OK = "ok";
    static final String DETAILS = "details";
    static final String DEADLINE = "deadline";
    static final String BLOCK = "block";
    static final String HOLD = "hold";

    /** A description with a space, a percent sign and a non-ASCII letter: grpc-message is percent-encoded. */
    static final String DETAILS_DESCRIPTION = "login 'zoë' refused: 100% sure";
    static final ErrorInfo ERROR_INFO = ErrorInfo.newBuilder()
            .setReason("LOGIN_REFUSED").setDomain("authgateway.dev").putMetadata("login", "zoë").build();
    static final BadRequest BAD_REQUEST = BadRequest.newBuilder()
            .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("password").setDescription("too short"))
            .build();

    final AtomicInteger calls = new AtomicInteger();
    /** Nanoseconds left of the deadline the handler saw, or -1 when it saw none. */
    final AtomicLong deadlineSeenNanos = new AtomicLong(Long.MIN_VALUE);
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch cancelled = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
        calls.incrementAndGet();
        switch (request.getId()) {
            case DETAILS -> {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage(DETAILS_DESCRIPTION)
                        .addDetails(Any.pack(ERROR_INFO))
                        .addDetails(Any.pack(BAD_REQUEST))
                        .build()));
                return;
            }
            case DEADLINE -> {
                Deadline deadline = Context.current().getDeadline();
                deadlineSeenNanos.set(deadline == null ? -1 : deadline.timeRemaining(TimeUnit.NANOSECONDS));
            }
            case BLOCK -> {
                ((ServerCallStreamObserver<GetUserResponse>) response).setOnCancelHandler(cancelled::countDown);
                Context.current().addListener(context -> cancelled.countDown(), Runnable::run);
                entered.countDown();
                await(cancelled);
            }
            case HOLD -> {
                entered.countDown();
                await(release);
            }
            default -> {
            }
        }
        response.onNext(GetUserResponse.newBuilder()
                .setUser(User.newBuilder().setId(request.getId()).setDisplayName(request.getId()))
                .build());
        response.onCompleted();
    }

    @Override
    public void verifyCredentials(VerifyCredentialsRequest request, StreamObserver<VerifyCredentialsResponse> response) {
        calls.incrementAndGet();
        throw new IllegalStateException("credential store unavailable");
    }

    @Override
    public void createUser(CreateUserRequest request, StreamObserver<CreateUserResponse> response) {
        calls.incrementAndGet();
        response.onNext(CreateUserResponse.newBuilder()
                .setUser(User.newBuilder().setId("created").setUsername(request.getUsername()))
                .build());
        response.onCompleted();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
