package dev.authgateway.gateway;

import java.util.List;

import dev.authgateway.support.observe.CallMetrics;
import dev.authgateway.support.observe.Telemetry;
import dev.authgateway.support.observe.TraceLogging;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Every HTTP request: a server span continuing the caller's W3C {@code traceparent} (or starting a trace), its
 * trace id echoed as {@code X-Trace-Id} and in the logging context, and
 * {@code http_server_calls_total{method,code}} / {@code http_server_call_duration_seconds{method}} where method is
 * the route ("POST /graphql"), never the raw path.
 */
final class HttpTelemetry implements Filter {

    private static final HeaderName TRACE_ID = HeaderNames.create("X-Trace-Id");
    private static final List<String> ROUTES = List.of("/graphql", "/graphql/schema.graphql",
            "/.well-known/jwks.json");

    private static final TextMapGetter<ServerRequestHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ServerRequestHeaders carrier) {
            return carrier.stream().map(header -> header.name()).toList();
        }

        @Override
        public String get(ServerRequestHeaders carrier, String key) {
            return carrier == null ? null : carrier.first(HeaderNames.create(key)).orElse(null);
        }
    };

    private final CallMetrics metrics = new CallMetrics("http.server", "HTTP requests served");

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String route = request.prologue().method().text() + " " + route(request.path().path());
        Context parent = Telemetry.propagator().extract(Context.root(), request.headers(), HEADERS);
        Span span = Telemetry.tracer().spanBuilder(route)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        long started = System.nanoTime();
        if (span.getSpanContext().isValid()) {
            response.header(TRACE_ID, span.getSpanContext().getTraceId());
        }
        try (Scope ignored = parent.with(span).makeCurrent(); TraceLogging ignoredToo = TraceLogging.of(span)) {
            chain.proceed();
        } finally {
            int status = response.status().code();
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
            metrics.record(route, String.valueOf(status), System.nanoTime() - started);
        }
    }

    private static String route(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.startsWith("/observe/")) {
            return "/observe";
        }
        if (trimmed.equals(GraphiqlPage.PATH) || trimmed.startsWith(GraphiqlPage.PATH + "/")) {
            return GraphiqlPage.PATH;
        }
        return ROUTES.contains(trimmed) ? trimmed : "other";
    }
}
