package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final NearCache<String> near = new NearCache<>(Duration.ofMinutes(1), 100, nanos::get);

    @Test
    void givenNoLease_thenNothingIsKeptOrServed() {
        near.fill("a", "Ada", near.ticket());

        assertThat(near.get("a")).isEmpty();
    }

    @Test
    void givenALease_thenAFilledValueIsServedUntilTheLeaseRunsOut() {
        near.leaseRenewed(nanos.get(), Duration.ofSeconds(1));
        near.fill("a", "Ada", near.ticket());

        assertThat(near.get("a")).contains("Ada");
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(near.get("a")).contains("Ada");
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(near.get("a")).as("the lease ran out").isEmpty();
    }

    @Test
    void givenAnEvictionAfterTheTicketWasTaken_thenTheLateFillIsDropped() {
        near.leaseRenewed(nanos.get(), Duration.ofSeconds(1));
        long ticket = near.ticket();

        near.evict("a");
        near.fill("a", "old Ada", ticket);

        assertThat(near.get("a")).isEmpty();
    }

    @Test
    void givenAnEviction_thenTheValueIsGoneAndOthersStay() {
        near.leaseRenewed(nanos.get(), Duration.ofSeconds(1));
        near.fill("a", "Ada", near.ticket());
        near.fill("b", "Bob", near.ticket());

        near.evict("a");

        assertThat(near.get("a")).isEmpty();
        assertThat(near.get("b")).contains("Bob");
    }

    @Test
    void givenTheLeaseLost_thenEverythingIsForgottenEvenAfterANewLease() {
        near.leaseRenewed(nanos.get(), Duration.ofSeconds(1));
        long ticket = near.ticket();
        near.fill("a", "Ada", ticket);

        near.leaseLost();
        near.leaseRenewed(nanos.get(), Duration.ofSeconds(1));
        near.fill("b", "Bob", ticket);

        assertThat(near.get("a")).isEmpty();
        assertThat(near.get("b")).as("a fill whose read began before the loss").isEmpty();
        assertThat(near.leaseValid()).isTrue();
    }
}
