package dev.authgateway.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GraphQlRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QueryLimits NO_BATCHING = new QueryLimits(10, 10, 100, 1000, false, Duration.ofSeconds(5), false, 10);
    private static final QueryLimits BATCHING = new QueryLimits(10, 10, 100, 1000, false, Duration.ofSeconds(5), true, 2);

    @Test
    void givenOneOperation_thenOneOperationAndNoBatch() {
        var received = GraphQlRequest.fromJsonBody(bytes("{\"query\": \"{ profile { id } }\", \"variables\": null}"),
                JSON, NO_BATCHING);

        assertThat(received.batch()).isFalse();
        assertThat(received.operations()).singleElement()
                .satisfies(operation -> assertThat(operation.query()).isEqualTo("{ profile { id } }"));
    }

    @Test
    void givenAnArrayWhileBatchingIsOff_thenBatchingDisabled() {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> GraphQlRequest.fromJsonBody(
                bytes("[{\"query\": \"{ a }\"}]"), JSON, NO_BATCHING));

        assertThat(problem.code()).isEqualTo("BATCHING_DISABLED");
        assertThat(problem.status()).isEqualTo(400);
    }

    @Test
    void givenAnArrayWhileBatchingIsOn_thenEachOperationUpToTheLimit() {
        var received = GraphQlRequest.fromJsonBody(bytes("[{\"query\": \"{ a }\"}, {\"query\": \"{ b }\"}]"),
                JSON, BATCHING);
        HttpProblem tooMany = catchThrowableOfType(HttpProblem.class, () -> GraphQlRequest.fromJsonBody(
                bytes("[{\"query\": \"{ a }\"}, {\"query\": \"{ b }\"}, {\"query\": \"{ c }\"}]"), JSON, BATCHING));

        assertThat(received.batch()).isTrue();
        assertThat(received.operations()).extracting(GraphQlRequest::query).containsExactly("{ a }", "{ b }");
        assertThat(tooMany.code()).isEqualTo("BAD_REQUEST");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
