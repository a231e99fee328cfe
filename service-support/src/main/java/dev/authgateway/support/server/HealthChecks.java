package dev.authgateway.support.server;

import java.util.function.BooleanSupplier;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness checks from a probe that answers true when a dependency is reachable. */
public final class HealthChecks {

    private HealthChecks() {
    }

    public static HealthCheck readiness(String name, BooleanSupplier probe) {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckResponse call() {
                boolean up;
                try {
                    up = probe.getAsBoolean();
                } catch (RuntimeException e) {
                    up = false;
                }
                return HealthCheckResponse.builder().status(up).build();
            }
        };
    }
}
