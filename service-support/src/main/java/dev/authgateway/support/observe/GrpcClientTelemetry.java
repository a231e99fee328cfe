package dev.authgateway.support.observe;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/**
 * Every gRPC call made: a client span under the current one, its W3C trace context sent as metadata,
 * {@code grpc_client_calls_total{method,code}} and {@code grpc_client_call_duration_seconds{method}}.
 */
public final class GrpcClientTelemetry implements ClientInterceptor {

    private static final CallMetrics METRICS = new CallMetrics("grpc.client", "gRPC calls made");

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String name = method.getFullMethodName();
        Span span = Telemetry.tracer().spanBuilder(name)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("rpc.system", "grpc")
                .startSpan();
        long started = System.nanoTime();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                Telemetry.propagator().inject(Context.current().with(span), headers, GrpcMetadata.SETTER);
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        METRICS.record(name, status.getCode().name(), System.nanoTime() - started);
                        span.setAttribute("rpc.grpc.status_code", status.getCode().value());
                        if (!status.isOk()) {
                            span.setStatus(StatusCode.ERROR, status.getCode().name());
                        }
                        span.end();
                        super.onClose(status, trailers);
                    }
                }, headers);
            }
        };
    }
}
