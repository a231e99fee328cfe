package dev.authgateway.support.server;

import java.util.function.BooleanSupplier;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness checks from a probe that answers true when a dependency is reachable: {@link #readiness} for a dependency
 * the service cannot serve without, {@link #optional} for one it can serve around (degraded).
 */
public final class HealthChecks {

    private HealthChecks() {
    }

    public static HealthCheck readiness(String name, BooleanSupplier probe) {
        return check(name, probe, true);
    }

    /**
     * Always UP, with {@code "serving": false} in its details while the dependency is away: a replica that can serve
     * without it stays in its load balancer, so losing an optional tier does not take every replica out at once.
     */
    public static HealthCheck optional(String name, BooleanSupplier probe) {
        return check(name, probe, false);
    }

    private static HealthCheck check(String name, BooleanSupplier probe, boolean required) {
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
                return HealthCheckResponse.builder().status(up || !required).detail("serving", up).build();
            }
        };
    }
}
