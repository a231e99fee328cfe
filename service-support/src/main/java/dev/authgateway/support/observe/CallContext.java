package dev.authgateway.support.observe;

import java.util.concurrent.Executor;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * What a call's code sees on the thread that runs it, taken along to another thread: grpc-java's {@link io.grpc.Context}
 * (the call's deadline and cancellation, which calls made from there inherit), the trace context, and the trace id
 * in the logging context. A handler that answers from a future needs it for the work it hands on.
 */
public final class CallContext {

    private final io.grpc.Context grpc;
    private final Context trace;

    private CallContext(io.grpc.Context grpc, Context trace) {
        this.grpc = grpc;
        this.trace = trace;
    }

    /** The calling thread's. */
    public static CallContext current() {
        return new CallContext(io.grpc.Context.current(), Context.current());
    }

    /** Runs each task on {@code executor} inside this context. */
    public Executor on(Executor executor) {
        return task -> executor.execute(() -> run(task));
    }

    public void run(Runnable work) {
        io.grpc.Context previous = grpc.attach();
        try (Scope ignored = trace.makeCurrent(); TraceLogging ignoredToo = TraceLogging.of(Span.fromContext(trace))) {
            work.run();
        } finally {
            grpc.detach(previous);
        }
    }
}
