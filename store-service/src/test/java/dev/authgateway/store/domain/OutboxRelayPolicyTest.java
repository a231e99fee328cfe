package dev.authgateway.store.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayPolicyTest {

    private final OutboxRelay.Policy policy = new OutboxRelay.Policy(20, 8, Duration.ofSeconds(10),
            Duration.ofMinutes(30), Duration.ofMinutes(2));

    @Test
    void givenFailures_thenTheWaitDoublesFromTheBaseUpToTheMaximum() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(policy.backoff(9)).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofMinutes(30));
    }
}
