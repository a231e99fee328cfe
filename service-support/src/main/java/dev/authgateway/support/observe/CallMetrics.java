package dev.authgateway.support.observe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

/**
 * Calls by outcome and their latency, as Prometheus metrics: {@code <prefix>_calls_total{method,code}} and the
 * histogram {@code <prefix>_call_duration_seconds{method}} (buckets from 1 ms to 5 s). Tag values come from a closed set (method names,
 * status codes), so the series stay bounded.
 */
public final class CallMetrics {

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final String prefix;
    private final String description;
    private final MeterRegistry registry = Metrics.globalRegistry();
    private final Map<String, MethodMeters> methods = new ConcurrentHashMap<>();

    /** {@code prefix} such as {@code grpc.server}; {@code description} such as "gRPC calls served". */
    public CallMetrics(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    public void record(String method, String code, long elapsedNanos) {
        MethodMeters meters = methods.computeIfAbsent(method, MethodMeters::new);
        meters.outcomes.computeIfAbsent(code, meters::counter).increment();
        meters.latency.record(Duration.ofNanos(elapsedNanos));
    }

    /** One method's latency histogram and its counters by code, looked up without building a key per call. */
    private final class MethodMeters {
        private final String method;
        private final Timer latency;
        private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

        MethodMeters(String method) {
            this.method = method;
            this.latency = registry.getOrCreate(Timer.builder(prefix + ".call.duration")
                    .description(description + " latency")
                    .buckets(BUCKETS)
                    .percentiles(new double[0])
                    .tags(List.of(Tag.create("method", method))));
        }

        Counter counter(String code) {
            return registry.getOrCreate(Counter.builder(prefix + ".calls")
                    .description(description + " by outcome")
                    .tags(List.of(Tag.create("method", method), Tag.create("code", code))));
        }
    }
}
