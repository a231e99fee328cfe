package dev.authgateway.store.grpc;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Deadline;

/** The time the gRPC call being served still has before its client's deadline, read on the call's thread. */
public final class GrpcCallDeadline {

    private GrpcCallDeadline() {
    }

    public static Optional<Duration> remaining() {
        Deadline deadline = Context.current().getDeadline();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(deadline.timeRemaining(TimeUnit.NANOSECONDS)));
    }
}
