package dev.authgateway.cache.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Write, then drop: the order, the retries of the drop, and what a caller is told when Redis never confirms it. */
class CoherentWritesTest {

    private final List<String> calls = new ArrayList<>();
    private final FlakyCache cache = new FlakyCache(calls);
    private final CacheAside<String> aside = new CacheAside<>(cache, id -> Optional.empty(),
            new TtlPolicy(Duration.ofMinutes(1), 0.1, Duration.ofSeconds(5)), CacheEvents.NONE);

    private CoherentWrites<String> writes(Writer<String> writer) {
        return new CoherentWrites<>(writer, aside);
    }

    private final Writer<String> recordingWriter = (id, name) -> {
        calls.add("write:" + name);
        return name;
    };

    @Test
    void givenAnUpdate_thenTheStoreIsWrittenBeforeTheCacheIsInvalidated() {
        assertThat(writes(recordingWriter).updateProfile("a", "Ada Lovelace")).isEqualTo("Ada Lovelace");

        assertThat(calls).containsExactly("write:Ada Lovelace", "invalidate:a");
    }

    @Test
    void givenInvalidationFailingTwice_thenTheThirdAttemptAnswers() {
        cache.failures = 2;

        assertThat(writes(recordingWriter).updateProfile("a", "Ada Lovelace")).isEqualTo("Ada Lovelace");

        assertThat(calls).containsExactly("write:Ada Lovelace", "invalidate:a", "invalidate:a", "invalidate:a");
    }

    @Test
    void givenInvalidationAlwaysFailing_thenSavedButNotInvalidatedRatherThanAStaleSuccess() {
        cache.failures = Integer.MAX_VALUE;

        assertThatThrownBy(() -> writes(recordingWriter).updateProfile("a", "Ada Lovelace"))
                .isInstanceOf(InvalidationFailedException.class)
                .hasCauseInstanceOf(CacheUnavailableException.class);
        assertThat(calls).hasSize(1 + CoherentWrites.INVALIDATION_ATTEMPTS).first().isEqualTo("write:Ada Lovelace");
    }

    @Test
    void givenTheWriteRefused_thenItsFailurePassesUnchangedAndNothingIsInvalidated() {
        IllegalStateException refusal = new IllegalStateException("displayName too long");

        assertThatThrownBy(() -> writes((id, name) -> {
            throw refusal;
        }).updateProfile("a", "x")).isSameAs(refusal);
        assertThat(calls).isEmpty();
    }

    private final Writer<String> lifecycleWriter = new Writer<>() {
        @Override
        public String updateProfile(String id, String displayName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> deleteUser(String id, String currentPassword, String code) {
            calls.add("delete:" + id);
            if (!"pw".equals(currentPassword)) {
                throw new IllegalStateException("invalid credentials");
            }
            return List.of("s-1");
        }

        @Override
        public Written<String> confirmEmailChange(String token) {
            calls.add("confirm:" + token);
            return new Written<>("b", "b@new.example");
        }
    };

    @Test
    void givenADeletion_thenTheStoreDeletesBeforeTheCacheDropsTheUser_andARefusalDropsNothing() {
        assertThat(writes(lifecycleWriter).deleteUser("a", "pw", "")).containsExactly("s-1");
        assertThat(calls).containsExactly("delete:a", "invalidate:a");

        calls.clear();
        assertThatThrownBy(() -> writes(lifecycleWriter).deleteUser("a", "wrong", ""))
                .isInstanceOf(IllegalStateException.class);
        assertThat(calls).containsExactly("delete:a");
    }

    @Test
    void givenAConfirmedEmailChange_thenTheUserTheStoreNamesIsDroppedAfterTheWrite() {
        assertThat(writes(lifecycleWriter).confirmEmailChange("t")).isEqualTo("b@new.example");

        assertThat(calls).containsExactly("confirm:t", "invalidate:b");
    }

    @Test
    void givenADeletionWhoseDropNeverConfirms_thenSavedButNotInvalidated() {
        cache.failures = Integer.MAX_VALUE;

        assertThatThrownBy(() -> writes(lifecycleWriter).deleteUser("a", "pw", ""))
                .isInstanceOf(InvalidationFailedException.class);
    }

    /** Records invalidations; the first {@code failures} of them fail as an unreachable Redis would. */
    private static final class FlakyCache implements CacheStore<String> {
        private final List<String> calls;
        int failures;

        FlakyCache(List<String> calls) {
            this.calls = calls;
        }

        @Override
        public Lookup<String> lookup(String id) {
            return new Lookup.Miss<>(0);
        }

        @Override
        public boolean storeUnlessInvalidated(String id, Optional<String> value, long generation, Duration ttl) {
            return true;
        }

        @Override
        public void invalidate(String id) {
            calls.add("invalidate:" + id);
            if (failures-- > 0) {
                throw new CacheUnavailableException(new RuntimeException("no replica acknowledged"));
            }
        }
    }
}
