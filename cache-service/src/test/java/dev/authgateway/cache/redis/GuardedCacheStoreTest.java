package dev.authgateway.cache.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authgateway.cache.domain.CacheStore;
import dev.authgateway.cache.domain.CacheUnavailableException;
import dev.authgateway.cache.domain.Lookup;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedCacheStoreTest {

    @Test
    void givenRedisFailing_thenTheBreakerOpensAndLaterLetsATrialThrough() throws Exception {
        FlakyRedis redis = new FlakyRedis();
        GuardedCacheStore<String> guarded = new GuardedCacheStore<>(redis, GuardedCacheStore.breaker(
                Config.just(ConfigSources.create(Map.of("volume", "4", "error-ratio", "50", "delay", "PT0.3S", "success-threshold", "1")))));

        redis.down = true;
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guarded.lookup("a")).isInstanceOf(CacheUnavailableException.class);
        }
        int callsWhenOpened = redis.calls.get();
        assertThat(guarded.open()).isTrue();

        assertThatThrownBy(() -> guarded.lookup("a")).isInstanceOf(CacheUnavailableException.class);
        assertThat(redis.calls.get()).as("open: Redis is not asked").isEqualTo(callsWhenOpened);

        redis.down = false;
        Thread.sleep(400);
        assertThat(guarded.lookup("a")).isInstanceOf(Lookup.Miss.class);
        assertThat(redis.calls.get()).isEqualTo(callsWhenOpened + 1);
        assertThat(guarded.open()).isFalse();
    }

    @Test
    void givenTheBreakerOpen_thenInvalidationStillAsksRedis() {
        FlakyRedis redis = new FlakyRedis();
        GuardedCacheStore<String> guarded = new GuardedCacheStore<>(redis, GuardedCacheStore.breaker(
                Config.just(ConfigSources.create(Map.of("volume", "2", "error-ratio", "50", "delay", "PT10S", "success-threshold", "1")))));
        redis.down = true;
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> guarded.lookup("a")).isInstanceOf(CacheUnavailableException.class);
        }
        redis.down = false;

        guarded.invalidate("a");

        assertThat(redis.invalidations.get()).isEqualTo(1);
    }

    @Test
    void givenAsynchronousLookupsFailing_thenTheyCountAndAnOpenBreakerLeavesReadsToTheBlockingLookup() {
        FlakyRedis redis = new FlakyRedis();
        GuardedCacheStore<String> guarded = new GuardedCacheStore<>(redis, GuardedCacheStore.breaker(
                Config.just(ConfigSources.create(Map.of("volume", "4", "error-ratio", "50", "delay", "PT10S", "success-threshold", "1")))));
        redis.down = true;

        for (int i = 0; i < 4; i++) {
            CompletableFuture<Lookup<String>> lookup = guarded.lookupWithoutBlocking("a").orElseThrow()
                    .toCompletableFuture();
            assertThatThrownBy(() -> lookup.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(CacheUnavailableException.class);
        }

        assertThat(guarded.open()).isTrue();
        assertThat(guarded.lookupWithoutBlocking("a")).isEmpty();
        assertThat(redis.calls.get()).isEqualTo(4);
    }

    @Test
    void givenAnAsynchronousHit_thenItPassesThroughTheClosedBreaker() throws Exception {
        GuardedCacheStore<String> guarded = new GuardedCacheStore<>(new FlakyRedis(), GuardedCacheStore.breaker(
                Config.just(ConfigSources.create(Map.of("volume", "4", "error-ratio", "50", "delay", "PT10S", "success-threshold", "1")))));

        assertThat(guarded.lookupWithoutBlocking("a").orElseThrow().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(new Lookup.Miss<>(0));
    }

    private static final class FlakyRedis implements CacheStore<String> {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger invalidations = new AtomicInteger();
        volatile boolean down;

        @Override
        public Lookup<String> lookup(String id) {
            calls.incrementAndGet();
            if (down) {
                throw new CacheUnavailableException(new RuntimeException("connection refused"));
            }
            return new Lookup.Miss<>(0);
        }

        @Override
        public Optional<CompletionStage<Lookup<String>>> lookupWithoutBlocking(String id) {
            try {
                return Optional.of(CompletableFuture.completedFuture(lookup(id)));
            } catch (CacheUnavailableException e) {
                return Optional.of(CompletableFuture.failedFuture(e));
            }
        }

        @Override
        public boolean storeUnlessInvalidated(String id, Optional<String> value, long generation, Duration ttl) {
            return true;
        }

        @Override
        public void invalidate(String id) {
            invalidations.incrementAndGet();
        }
    }
}
