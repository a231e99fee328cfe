package dev.authgateway.support.grpc;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.grpc.Context;

/**
 * A whole request's time budget, carried to every gRPC call made while it runs through grpc-java's {@link Context}:
 * a call's deadline is the nearer of its own ({@link CallDeadline}) and the request's, and calls still in flight when
 * the budget is spent are cancelled, so a request cannot outlive its budget by a sum of per-call deadlines.
 */
public final class RequestDeadline {

    private static final ScheduledExecutorService TIMER = timer();

    private RequestDeadline() {
    }

    /** What the work returned, and whether the budget ran out before it did. */
    public record Timed<T>(T value, boolean expired) {
    }

    /** One daemon thread; a request that ends in time cancels its task, and the cancelled task leaves the queue. */
    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("request-deadline").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    public static <T> Timed<T> run(Duration budget, Supplier<T> work) {
        Context.CancellableContext context = Context.current()
                .withDeadlineAfter(budget.toNanos(), TimeUnit.NANOSECONDS, TIMER);
        Context previous = context.attach();
        try {
            T value = work.get();
            return new Timed<>(value, context.getDeadline().isExpired());
        } finally {
            context.detach(previous);
            context.cancel(null);
        }
    }
}
