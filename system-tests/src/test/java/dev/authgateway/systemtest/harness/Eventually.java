package dev.authgateway.systemtest.harness;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls a condition until it holds or the time is up, then fails with the description. */
public final class Eventually {

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    public static void within(Duration limit, String description, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(condition.holds()).as(description + " within " + limit).isTrue();
    }
}
