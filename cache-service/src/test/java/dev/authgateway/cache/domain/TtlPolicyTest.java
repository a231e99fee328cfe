package dev.authgateway.cache.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TtlPolicyTest {

    @Test
    void givenJitter_thenEveryTtlStaysWithinTheBandAndTheyDiffer() {
        TtlPolicy policy = new TtlPolicy(Duration.ofMinutes(10), 0.1, Duration.ofSeconds(30));

        var ttls = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> policy.forPresent().toMillis()).toList();

        assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isBetween(540_000L, 660_000L));
        assertThat(ttls.stream().distinct().count()).isGreaterThan(100);
        assertThat(policy.forAbsent()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenNoJitter_thenTheTtlIsExact() {
        assertThat(new TtlPolicy(Duration.ofSeconds(5), 0, Duration.ofSeconds(1)).forPresent())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenNonsense_thenRefused() {
        assertThatThrownBy(() -> new TtlPolicy(Duration.ZERO, 0.1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TtlPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
