package dev.authgateway.support.server;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.helidon.health.HealthCheckResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthChecksTest {

    @Test
    void givenARequiredDependencyAway_thenDown() {
        AtomicBoolean up = new AtomicBoolean(false);
        HealthCheckResponse response = HealthChecks.readiness("store", up::get).call();

        assertThat(response.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.details()).containsEntry("serving", false);
    }

    @Test
    void givenAnOptionalDependencyAway_thenUpAndReportedNotServing() {
        AtomicBoolean up = new AtomicBoolean(false);
        HealthCheckResponse response = HealthChecks.optional("cache", up::get).call();

        assertThat(response.status()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.details()).containsEntry("serving", false);
    }

    @Test
    void givenAProbeThatThrows_thenNotServing() {
        HealthCheckResponse response = HealthChecks.readiness("store", () -> {
            throw new IllegalStateException("probe failed");
        }).call();

        assertThat(response.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.details()).isEqualTo(Map.of("serving", false));
    }
}
