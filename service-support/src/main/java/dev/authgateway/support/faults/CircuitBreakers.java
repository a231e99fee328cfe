package dev.authgateway.support.faults;

import java.util.Set;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;

/** Helidon fault tolerance's circuit breaker, configured the same way wherever a service guards a backend. */
public final class CircuitBreakers {

    private CircuitBreakers() {
    }

    /**
     * From a {@code breaker} node: volume (calls considered), error-ratio (percent of them failing that opens it),
     * delay (how long it stays open before a trial call), success-threshold. Only {@code failure} counts as a failed
     * call; any other outcome, an answer or another error, counts as the backend answering.
     */
    public static CircuitBreaker from(Config breaker, String name, Class<? extends Throwable> failure) {
        return CircuitBreaker.builder()
                .name(name)
                .volume(Required.integer(breaker.get("volume")))
                .errorRatio(Required.integer(breaker.get("error-ratio")))
                .delay(Required.duration(breaker.get("delay")))
                .successThreshold(Required.integer(breaker.get("success-threshold")))
                .applyOn(Set.of(failure))
                .build();
    }
}
