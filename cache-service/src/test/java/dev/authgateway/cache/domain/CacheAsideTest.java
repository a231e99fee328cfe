package dev.authgateway.cache.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache-aside rules on in-memory stand-ins, where the interleavings can be forced exactly. */
class CacheAsideTest {

    private final MemoryCache cache = new MemoryCache();
    private final GatedSource source = new GatedSource();
    private final CountedCoalescing coalescing = new CountedCoalescing();
    private final CacheAside<String> aside = new CacheAside<>(cache, source,
            new TtlPolicy(Duration.ofMinutes(1), 0.1, Duration.ofSeconds(5)), coalescing);

    @Test
    void givenConcurrentMissesThatAllSawTheSameGeneration_thenExactlyOneLoad() throws Exception {
        source.values.put("a", "A1");
        source.gate = new CountDownLatch(1);
        List<CompletableFuture<Optional<String>>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                reads.add(CompletableFuture.supplyAsync(() -> aside.read("a"), readers));
            }
            coalescing.await(15);
            source.gate.countDown();
            for (var read : reads) {
                assertThat(read.get()).contains("A1");
            }
        }
        assertThat(source.loads.get()).isEqualTo(1);
    }

    @Test
    void givenAnInvalidationDuringALoad_thenLaterReadersDoNotJoinIt() throws Exception {
        source.values.put("a", "A1");
        source.gate = new CountDownLatch(1);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Optional<String>> early = CompletableFuture.supplyAsync(() -> aside.read("a"), readers);
            source.awaitLoadsStarted(1);

            source.values.put("a", "A2");
            aside.invalidate("a");
            CompletableFuture<Optional<String>> late = CompletableFuture.supplyAsync(() -> aside.read("a"), readers);
            source.awaitLoadsStarted(2);
            source.gate.countDown();

            assertThat(early.get()).contains("A1");
            assertThat(late.get()).contains("A2");
        }
        assertThat(cache.values.get("a")).as("only the late load wrote back").isEqualTo(Optional.of("A2"));
    }

    @Test
    void givenTheSourceFails_thenEveryWaiterSeesTheFailureAndNothingIsCached() {
        source.failure = new SourceUnavailableException(new RuntimeException("down"));

        assertThatThrownBy(() -> aside.read("a")).isInstanceOf(SourceUnavailableException.class);
        assertThat(cache.values).isEmpty();
    }

    @Test
    void givenRedisDown_thenReadsGoToTheSource() {
        source.values.put("a", "A1");
        cache.down = true;

        assertThat(aside.read("a")).contains("A1");
        assertThat(aside.read("a")).contains("A1");
        assertThat(source.loads.get()).isEqualTo(2);
    }

    /** A CacheStore in a map, with generations. */
    private static final class MemoryCache implements CacheStore<String> {
        final Map<String, Optional<String>> values = new HashMap<>();
        final Map<String, Long> generations = new HashMap<>();
        volatile boolean down;

        @Override
        public synchronized Lookup<String> lookup(String id) {
            if (down) {
                throw new CacheUnavailableException(new RuntimeException("down"));
            }
            Optional<String> value = values.get(id);
            if (value == null) {
                return new Lookup.Miss<>(generations.getOrDefault(id, 0L));
            }
            return value.<Lookup<String>>map(Lookup.Hit::new).orElseGet(Lookup.KnownAbsent::new);
        }

        @Override
        public synchronized boolean storeUnlessInvalidated(String id, Optional<String> value, long generation,
                                                           Duration ttl) {
            if (generations.getOrDefault(id, 0L) != generation) {
                return false;
            }
            values.put(id, value);
            return true;
        }

        @Override
        public synchronized void invalidate(String id) {
            generations.merge(id, 1L, Long::sum);
            values.remove(id);
        }
    }

    /** Counts the readers that joined a running load. */
    private static final class CountedCoalescing implements CacheEvents {
        private final Semaphore joined = new Semaphore(0);

        @Override
        public void coalesced() {
            joined.release();
        }

        /** Until that many readers wait on the running load (so none can arrive after it ends). */
        void await(int readers) throws InterruptedException {
            assertThat(joined.tryAcquire(readers, 10, TimeUnit.SECONDS)).as(readers + " readers joined").isTrue();
        }
    }

    /** A source whose loads wait for a gate, reading the value current when the load began. */
    private static final class GatedSource implements Source<String> {
        final Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicInteger loads = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile RuntimeException failure;

        @Override
        public Optional<String> load(String id) {
            String snapshot = values.get(id);
            loads.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.ofNullable(snapshot);
        }

        void awaitLoadsStarted(int count) throws InterruptedException {
            for (int i = 0; i < 1000 && loads.get() < count; i++) {
                Thread.sleep(10);
            }
            assertThat(loads.get()).isEqualTo(count);
        }
    }
}
