package dev.authgateway.gateway.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The answer's bytes for a profile result and for a result with a field error: written straight from the
 * ExecutionResult (EdgeError.json, today's), beside the map built first and handed to Jackson (the gateway's writer
 * before issue 13, as graphql-gateway's ResultShapeTest keeps it). In the gateway's package, as both are
 * package-private there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResultWritingBenchmark {

    private static final ObjectMapper PLAIN_JACKSON = new ObjectMapper();

    private final ExecutionResult profile = ExecutionResult.newExecutionResult().data(Map.of("profile", user())).build();
    private final ExecutionResult failedField = ExecutionResult.newExecutionResult()
            .data(nullProfile())
            .addError(GraphqlErrorBuilder.newError().message("the user directory is unavailable; retry")
                    .locations(List.of(new SourceLocation(1, 3))).path(List.of("profile"))
                    .extensions(Map.of("code", "UNAVAILABLE")).build())
            .build();

    @Benchmark
    public byte[] profileStreamed() {
        return EdgeError.json(profile);
    }

    @Benchmark
    public byte[] profileMapThenJackson() throws JsonProcessingException {
        return PLAIN_JACKSON.writeValueAsBytes(mapFirst(profile));
    }

    @Benchmark
    public byte[] fieldErrorStreamed() {
        return EdgeError.json(failedField);
    }

    @Benchmark
    public byte[] fieldErrorMapThenJackson() throws JsonProcessingException {
        return PLAIN_JACKSON.writeValueAsBytes(mapFirst(failedField));
    }

    /** The former ResultShape.of and EdgeError.shape. */
    private static Map<String, Object> mapFirst(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!result.getErrors().isEmpty()) {
            body.put("errors", result.getErrors().stream().map(error -> {
                Map<String, Object> shaped = new LinkedHashMap<>();
                shaped.put("message", error.getMessage());
                if (error.getLocations() != null && !error.getLocations().isEmpty()) {
                    shaped.put("locations", error.getLocations().stream()
                            .map(location -> Map.of("line", location.getLine(), "column", location.getColumn()))
                            .toList());
                }
                if (error.getPath() != null && !error.getPath().isEmpty()) {
                    shaped.put("path", error.getPath());
                }
                Map<String, Object> extensions = new LinkedHashMap<>();
                if (error.getExtensions() != null) {
                    error.getExtensions().forEach((key, value) -> {
                        if (!"classification".equals(key)) {
                            extensions.put(key, value);
                        }
                    });
                }
                extensions.putIfAbsent("code", EdgeError.shapedCode(error));
                shaped.put("extensions", extensions);
                return shaped;
            }).toList());
        }
        if (result.isDataPresent()) {
            body.put("data", result.getData());
        }
        return body;
    }

    private static Map<String, Object> user() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", "6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60");
        user.put("username", "ada");
        user.put("email", "ada@example.com");
        user.put("displayName", "Ada Lovelace");
        user.put("createdAt", "2026-01-01T00:00:00Z");
        return user;
    }

    private static Map<String, Object> nullProfile() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("profile", null);
        return data;
    }
}
