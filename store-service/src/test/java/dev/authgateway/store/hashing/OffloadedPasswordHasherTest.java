package dev.authgateway.store.hashing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authgateway.store.domain.PasswordHasher;
import dev.authgateway.store.domain.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OffloadedPasswordHasherTest {

    /** Hashes by reversing, blocking while the gate is closed. */
    private static final class GatedHasher implements PasswordHasher {
        final CountDownLatch gate = new CountDownLatch(1);
        volatile int hashed;

        @Override
        public String hash(String password) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hashed++;
            return new StringBuilder(password).reverse().toString();
        }

        @Override
        public boolean matches(String password, String hash) {
            return hash(password).equals(hash);
        }

        @Override
        public boolean needsRehash(String hash) {
            return false;
        }

        @Override
        public void burnEquivalentTime(String password) {
            hash(password);
        }
    }

    @Test
    void givenAFreeThread_thenTheHashIsComputedThere() {
        GatedHasher inner = new GatedHasher();
        inner.gate.countDown();
        try (OffloadedPasswordHasher hasher = new OffloadedPasswordHasher(inner, 1, Duration.ofSeconds(5))) {
            assertThat(hasher.hash("abc")).isEqualTo("cba");
            assertThat(hasher.matches("abc", "cba")).isTrue();
        }
    }

    @Test
    void givenAHashThatWaitedTooLongInTheQueue_thenItIsDroppedAsUnavailable() throws Exception {
        GatedHasher inner = new GatedHasher();
        try (OffloadedPasswordHasher hasher = new OffloadedPasswordHasher(inner, 1, Duration.ofMillis(100))) {
            assertTheQueuedHashIsDropped(hasher, inner);
        }
    }

    @Test
    void givenACallerWhoseDeadlinePassedInTheQueue_thenItsHashIsDroppedEvenWithinTheMaximumWait() throws Exception {
        GatedHasher inner = new GatedHasher();
        try (OffloadedPasswordHasher hasher = new OffloadedPasswordHasher(inner, 1, Duration.ofMinutes(1),
                () -> Optional.of(Duration.ofMillis(100)))) {
            assertTheQueuedHashIsDropped(hasher, inner);
        }
    }

    /** One hash holds the only thread at the gate while a second waits 300 ms in the queue, then the gate opens. */
    private static void assertTheQueuedHashIsDropped(OffloadedPasswordHasher hasher, GatedHasher inner)
            throws Exception {
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = callers.submit(() -> hasher.hash("first"));
            Thread.sleep(50);
            Future<String> queued = callers.submit(() -> hasher.hash("queued"));
            Thread.sleep(300);
            inner.gate.countDown();

            assertThat(first.get()).isEqualTo("tsrif");
            assertThatThrownBy(queued::get).hasCauseInstanceOf(StoreUnavailableException.class);
            assertThat(inner.hashed).isEqualTo(1);
        }
    }
}
