package dev.authgateway.support.observe;

import io.helidon.logging.common.HelidonMdc;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** Puts the current span's trace id in the logging context as {@code trace_id} (log format {@code %X{trace_id}}). */
public final class TraceLogging implements AutoCloseable {

    public static final String KEY = "trace_id";

    private final String previous;

    private TraceLogging(String previous) {
        this.previous = previous;
    }

    /** Sets {@code trace_id} for the span until {@link #close()}, which restores what was there before. */
    public static TraceLogging of(Span span) {
        String previous = HelidonMdc.get(KEY).orElse(null);
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            HelidonMdc.set(KEY, context.getTraceId());
        }
        return new TraceLogging(previous);
    }

    /** The current span's trace id, or an empty string outside a traced request. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : "";
    }

    @Override
    public void close() {
        if (previous == null) {
            HelidonMdc.remove(KEY);
        } else {
            HelidonMdc.set(KEY, previous);
        }
    }
}
