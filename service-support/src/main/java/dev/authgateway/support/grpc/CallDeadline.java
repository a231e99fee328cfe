package dev.authgateway.support.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.config.Required;
import io.grpc.stub.AbstractStub;
import io.helidon.config.Config;

/** The deadline a client puts on every call, read from {@code deadline} (or another key) under a channel's config node. */
public record CallDeadline(Duration timeout) {

    public CallDeadline {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A deadline must be positive: " + timeout);
        }
    }

    public static CallDeadline from(Config channel) {
        return from(channel, "deadline");
    }

    public static CallDeadline from(Config channel, String key) {
        return new CallDeadline(Required.duration(channel.get(key)));
    }

    /** The stub with a fresh deadline; call it for every call, as a deadline is absolute once set. */
    public <S extends AbstractStub<S>> S on(S stub) {
        return stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
