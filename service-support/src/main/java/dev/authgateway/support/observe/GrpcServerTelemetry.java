package dev.authgateway.support.observe;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Every gRPC call served: a server span continuing the caller's W3C trace context, the trace id in the logging
 * context while the call's code runs, {@code grpc_server_calls_total{method,code}} and
 * {@code grpc_server_call_duration_seconds{method}}. Calls that end with a server-side failure (INTERNAL, UNKNOWN,
 * DATA_LOSS, UNAVAILABLE) are logged with their trace id; with {@code accessLog} every call is.
 */
public final class GrpcServerTelemetry implements ServerInterceptor {

    private static final Logger ACCESS = Logger.getLogger("dev.authgateway.grpc.access");

    private final CallMetrics metrics = new CallMetrics("grpc.server", "gRPC calls served");
    private final boolean accessLog;

    public GrpcServerTelemetry(boolean accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        Context parent = Telemetry.propagator().extract(Context.root(), headers, GrpcMetadata.GETTER);
        Span span = Telemetry.tracer().spanBuilder(method)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("rpc.system", "grpc")
                .startSpan();
        Context context = parent.with(span);
        Finish finish = new Finish(method, span, System.nanoTime());
        ServerCall<Q, R> observed = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                finish.end(status);
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener = inContext(context, span, () -> next.startCall(observed, headers));
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                failingAsUnknown(finish, () -> inContext(context, span, () -> super.onMessage(message)));
            }

            @Override
            public void onHalfClose() {
                failingAsUnknown(finish, () -> inContext(context, span, super::onHalfClose));
            }

            @Override
            public void onCancel() {
                finish.end(Status.CANCELLED);
                inContext(context, span, super::onCancel);
            }

            @Override
            public void onComplete() {
                inContext(context, span, super::onComplete);
            }

            @Override
            public void onReady() {
                inContext(context, span, super::onReady);
            }
        };
    }

    /**
     * A handler that throws: grpc-java answers UNKNOWN but cancels the stream without {@code close}, so the listener
     * sees {@code onCancel}; the call is recorded as the UNKNOWN the client gets, not as CANCELLED.
     */
    private static void failingAsUnknown(Finish finish, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            finish.end(Status.UNKNOWN);
            throw e;
        }
    }

    private static void inContext(Context context, Span span, Runnable work) {
        inContext(context, span, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T inContext(Context context, Span span, Supplier<T> work) {
        try (Scope ignored = context.makeCurrent(); TraceLogging ignoredToo = TraceLogging.of(span)) {
            return work.get();
        }
    }

    private final class Finish {
        private final String method;
        private final Span span;
        private final long started;
        private final AtomicBoolean done = new AtomicBoolean();

        Finish(String method, Span span, long started) {
            this.method = method;
            this.span = span;
            this.started = started;
        }

        void end(Status status) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            long elapsed = System.nanoTime() - started;
            Status.Code code = status.getCode();
            metrics.record(method, code.name(), elapsed);
            span.setAttribute("rpc.grpc.status_code", code.value());
            boolean serverFault = switch (code) {
                case INTERNAL, UNKNOWN, DATA_LOSS, UNAVAILABLE -> true;
                default -> false;
            };
            if (serverFault) {
                span.setStatus(StatusCode.ERROR, code.name());
            }
            if (serverFault || accessLog) {
                // The log format adds the trace id; end() may run outside the call's context (onCancel).
                try (TraceLogging ignored = TraceLogging.of(span)) {
                    ACCESS.log(serverFault ? Level.WARNING : Level.INFO,
                            () -> String.format("%s %s %.1f ms", method, code, elapsed / 1e6));
                }
            }
            span.end();
        }
    }
}
