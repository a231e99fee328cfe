package dev.authgateway.support.observe;

import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

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
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        current = sdk;
        return sdk;
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
