package dev.authgateway.support.faults;

import java.time.Duration;

import io.helidon.common.concurrency.limits.AimdLimit;
import io.helidon.common.concurrency.limits.LimitAlgorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helidon's AIMD limit grows while at least half of it is in use. After five overrun calls have shrunk a limit of 8
 * to 3, calls one at a time must leave it at 3; released with Helidon's {@code dropped()}, the overrun calls stay
 * counted as running and the limit climbs past where it started.
 */
class LimitTokensTest {

    private static final int INITIAL = 8;
    private static final Duration TIMEOUT = Duration.ofMillis(50);

    @Test
    void givenCallsThatOverranReleasedAsOverran_thenLaterCallsOneAtATimeDoNotGrowTheLimit() {
        AimdLimit limit = limit();
        for (int i = 0; i < 5; i++) {
            LimitAlgorithm.Token token = limit.tryAcquire(false).orElseThrow();
            sleep(TIMEOUT.toMillis() + 10);
            LimitTokens.overran(token);
        }
        assertThat(limit.semaphore().availablePermits()).as("each overrun shrank the limit").isEqualTo(3);

        oneAtATime(limit, 50);

        assertThat(limit.semaphore().availablePermits()).isEqualTo(3);
    }

    @Test
    void givenCallsReleasedWithHelidonsDropped_thenTheLimitClimbs_whichIsWhyOverranExists() {
        AimdLimit limit = limit();
        for (int i = 0; i < 5; i++) {
            limit.tryAcquire(false).orElseThrow().dropped();
        }

        oneAtATime(limit, 50);

        assertThat(limit.semaphore().availablePermits()).isGreaterThan(INITIAL);
    }

    private static void oneAtATime(AimdLimit limit, int calls) {
        for (int i = 0; i < calls; i++) {
            limit.tryAcquire(false).orElseThrow().success();
        }
    }

    private static AimdLimit limit() {
        return AimdLimit.builder().name("test").minLimit(1).initialLimit(INITIAL).maxLimit(64)
                .timeout(TIMEOUT).backoffRatio(0.9).queueLength(0).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
