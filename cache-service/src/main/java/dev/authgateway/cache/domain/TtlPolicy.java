package dev.authgateway.cache.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long entries live. Present values get {@code ttl ± jitter} (a share of ttl) so entries cached together do not
 * expire together; known-absent entries live {@code negativeTtl}, short, so a new user is visible soon.
 */
public record TtlPolicy(Duration ttl, double jitter, Duration negativeTtl) {

    public TtlPolicy {
        if (ttl.isNegative() || ttl.isZero() || negativeTtl.isNegative() || negativeTtl.isZero()) {
            throw new IllegalArgumentException("TTLs must be positive");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
    }

    public Duration forPresent() {
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(ttl.toMillis() * factor)));
    }

    public Duration forAbsent() {
        return negativeTtl;
    }
}
