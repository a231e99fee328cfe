package dev.authgateway.cache.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CacheAside#readAsync}: a hit never touches the executor that may block; everything else reaches the same
 * code as {@link CacheAside#read} through it.
 */
class CacheAsideAsyncTest {

    private final AsyncCache cache = new AsyncCache();
    private final CountingSource source = new CountingSource();
    private final CountedEvents events = new CountedEvents();
    private final CacheAside<String> aside = new CacheAside<>(cache, source,
            new TtlPolicy(Duration.ofMinutes(1), 0.1, Duration.ofSeconds(5)), events);
    private final CountingExecutor mayBlock = new CountingExecutor();

    @Test
    void givenAHit_thenItCompletesWhenRedisAnswersWithoutTheBlockingExecutorOrTheSource() throws Exception {
        CompletableFuture<Lookup<String>> redis = new CompletableFuture<>();
        cache.next = redis;

        CompletableFuture<Optional<String>> read = aside.readAsync("a", mayBlock).toCompletableFuture();
        assertThat(read).as("waits for Redis").isNotDone();
        redis.complete(new Lookup.Hit<>("A1"));

        assertThat(read.getNow(null)).contains("A1");
        assertThat(mayBlock.tasks.get()).isZero();
        assertThat(source.loads.get()).isZero();
        assertThat(events.hits.get()).isEqualTo(1);
    }

    @Test
    void givenAKnownAbsence_thenEmptyWithoutTheSource() throws Exception {
        cache.next = CompletableFuture.completedFuture(new Lookup.KnownAbsent<>());

        assertThat(aside.readAsync("a", mayBlock).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(mayBlock.tasks.get()).isZero();
        assertThat(source.loads.get()).isZero();
    }

    @Test
    void givenAMiss_thenTheSourceLoadsOnTheBlockingExecutorAndWritesBackUnderTheGenerationRead() throws Exception {
        source.values.put("a", "A1");
        cache.next = CompletableFuture.completedFuture(new Lookup.Miss<>(7));

        assertThat(aside.readAsync("a", mayBlock).toCompletableFuture().get(5, TimeUnit.SECONDS)).contains("A1");
        assertThat(mayBlock.tasks.get()).isEqualTo(1);
        assertThat(source.loads.get()).isEqualTo(1);
        assertThat(cache.writeBacks).containsExactly("a@7=A1");
    }

    @Test
    void givenRedisFailing_thenTheSourceAnswersAndNothingIsWrittenBack() throws Exception {
        source.values.put("a", "A1");
        cache.next = CompletableFuture.failedFuture(new CacheUnavailableException(new RuntimeException("down")));

        assertThat(aside.readAsync("a", mayBlock).toCompletableFuture().get(5, TimeUnit.SECONDS)).contains("A1");
        assertThat(mayBlock.tasks.get()).isEqualTo(1);
        assertThat(events.fallbacks.get()).isEqualTo(1);
        assertThat(cache.writeBacks).isEmpty();
    }

    @Test
    void givenACacheThatCannotAnswerWithoutBlocking_thenTheBlockingReadRunsOnTheExecutor() throws Exception {
        cache.next = null;
        cache.blockingAnswer = new Lookup.Hit<>("A1");

        assertThat(aside.readAsync("a", mayBlock).toCompletableFuture().get(5, TimeUnit.SECONDS)).contains("A1");
        assertThat(mayBlock.tasks.get()).isEqualTo(1);
        assertThat(cache.blockingLookups.get()).isEqualTo(1);
    }

    @Test
    void givenAFailureThatIsNotRedisBeingDown_thenItFailsTheReadInsteadOfFallingBack() {
        cache.next = CompletableFuture.failedFuture(new IllegalStateException("undecodable value"));

        assertThatThrownBy(() -> aside.readAsync("a", mayBlock).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(source.loads.get()).isZero();
    }

    /** A cache whose next non-blocking lookup is the stage the test set; none when the test set null. */
    private static final class AsyncCache implements CacheStore<String> {
        volatile CompletionStage<Lookup<String>> next;
        volatile Lookup<String> blockingAnswer;
        final AtomicInteger blockingLookups = new AtomicInteger();
        final List<String> writeBacks = new ArrayList<>();

        @Override
        public Optional<CompletionStage<Lookup<String>>> lookupWithoutBlocking(String id) {
            return Optional.ofNullable(next);
        }

        @Override
        public Lookup<String> lookup(String id) {
            blockingLookups.incrementAndGet();
            return blockingAnswer;
        }

        @Override
        public synchronized boolean storeUnlessInvalidated(String id, Optional<String> value, long generation,
                                                           Duration ttl) {
            writeBacks.add(id + "@" + generation + "=" + value.orElse(""));
            return true;
        }

        @Override
        public void invalidate(String id) {
        }
    }

    private static final class CountingSource implements Source<String> {
        final Map<String, String> values = new ConcurrentHashMap<>();
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public Optional<String> load(String id) {
            loads.incrementAndGet();
            return Optional.ofNullable(values.get(id));
        }
    }

    private static final class CountedEvents implements CacheEvents {
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger fallbacks = new AtomicInteger();

        @Override
        public void hit() {
            hits.incrementAndGet();
        }

        @Override
        public void redisFallback() {
            fallbacks.incrementAndGet();
        }
    }

    /** Runs each task on a new thread and counts them. */
    private static final class CountingExecutor implements Executor {
        final AtomicInteger tasks = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            Thread.ofVirtual().start(task);
        }
    }
}
