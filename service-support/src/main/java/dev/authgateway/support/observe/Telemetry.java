package dev.authgateway.support.observe;

import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The process's OpenTelemetry. Spans always get W3C trace context (so trace ids reach the logs and the next
 * service); where they are sent is the standard OpenTelemetry configuration: {@code OTEL_TRACES_EXPORTER}
 * ({@code none} by default here, {@code otlp} or {@code logging}), {@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_TRACES_SAMPLER}, {@code OTEL_SERVICE_NAME}. Metrics stay on Helidon's {@code /observe/metrics}.
 */
public final class Telemetry {

    private static final String INSTRUMENTATION = "dev.authgateway";

    private static volatile OpenTelemetry current = OpenTelemetry.noop();

    private Telemetry() {
    }

    /** Configures OpenTelemetry for this process from the environment; the returned SDK is closed on shutdown. */
    public static OpenTelemetrySdk start(String serviceName) {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", serviceName,
                        "otel.traces.exporter", "none",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none",
                        "otel.propagators", "tracecontext,baggage"))
                // With no exporter the SDK would not make spans at all, so a request without a caller's traceparent
                // would get no trace id; a processor that does nothing keeps ids on every request.
                .addTracerProviderCustomizer((tracerProvider, config) -> tracerProvider.addSpanProcessor(IdsOnly.INSTANCE))
                // Spans nobody exports are not recorded (ids only), unless a sampler is asked for: recording them
                // cost about a fifth of the cache-hit path's throughput (perf/README.md, "The cost of tracing").
                .addSamplerCustomizer((sampler, config) -> "none".equals(config.getString("otel.traces.exporter"))
                        && config.getString("otel.traces.sampler") == null ? Sampler.alwaysOff() : sampler)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        current = sdk;
        return sdk;
    }

    /** Records nothing; its presence makes the SDK create real spans (with trace ids) even without an exporter. */
    private enum IdsOnly implements SpanProcessor {
        INSTANCE;

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }

    /** The tracer every span of this project comes from (a no-op one before {@link #start}). */
    public static Tracer tracer() {
        return current.getTracer(INSTRUMENTATION);
    }

    /** W3C trace context (and baggage), as configured. */
    public static TextMapPropagator propagator() {
        return current.getPropagators().getTextMapPropagator();
    }
}
