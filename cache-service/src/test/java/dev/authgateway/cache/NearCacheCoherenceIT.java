package dev.authgateway.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.UpdateProfileRequest;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserCacheGrpc;
import dev.authgateway.support.grpc.CallDeadline;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two cache-service replicas with near caches, one Redis, one store: readers on both replicas read while a writer
 * updates through either; no read that began after an update was acknowledged returns what the update replaced.
 */
class NearCacheCoherenceIT {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(15));
    private static final int UPDATES = 30;

    private TwoReplicas replicas;
    private FakeUserStore store;
    private List<UserCacheGrpc.UserCacheBlockingStub> stubs;

    @BeforeEach
    void start() {
        replicas = new TwoReplicas();
        store = replicas.store;
        stubs = replicas.stubs;
    }

    @AfterEach
    void stop() {
        replicas.close();
    }

    record Read(long startedNanos, long version) {
    }

    @Test
    void givenReadersOnTwoReplicas_whenUpdatesAreAcknowledged_thenNoLaterReadSeesAReplacedValue() throws Exception {
        User ada = User.newBuilder().setId(UUID.randomUUID().toString()).setUsername("ada")
                .setDisplayName("Ada 1").setVersion(1).build();
        store.put(ada);
        stubs.forEach(stub -> read(stub, ada.getId()));
        double nearHitsBefore = nearHits();

        Queue<Read> reads = new ConcurrentLinkedQueue<>();
        long[] acknowledgedNanos = new long[UPDATES + 2];
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                UserCacheGrpc.UserCacheBlockingStub stub = stubs.get(i % 2);
                running.add(readers.submit(() -> {
                    while (writing.get()) {
                        long started = System.nanoTime();
                        reads.add(new Read(started, read(stub, ada.getId()).getVersion()));
                    }
                }));
            }
            for (int update = 0; update < UPDATES; update++) {
                Thread.sleep(20);
                User updated = DEADLINE.on(stubs.get(update % 2)).updateProfile(UpdateProfileRequest.newBuilder()
                        .setId(ada.getId()).setDisplayName("Ada " + (update + 2)).build()).getUser();
                acknowledgedNanos[(int) updated.getVersion()] = System.nanoTime();
            }
            Thread.sleep(50);
            writing.set(false);
            for (Future<?> reader : running) {
                reader.get();
            }
        }

        List<Read> stale = reads.stream().filter(read -> {
            for (int version = (int) read.version() + 1; version <= UPDATES + 1; version++) {
                if (acknowledgedNanos[version] != 0 && acknowledgedNanos[version] < read.startedNanos()) {
                    return true;
                }
            }
            return false;
        }).toList();
        assertThat(reads).hasSizeGreaterThan(UPDATES * 4);
        assertThat(stale).as("reads that began after a newer version was acknowledged").isEmpty();
        assertThat(reads.stream().mapToLong(Read::version).max().orElseThrow()).isEqualTo(UPDATES + 1);
        assertThat(nearHits() - nearHitsBefore).as("reads answered from the near caches").isPositive();
    }

    private static User read(UserCacheGrpc.UserCacheBlockingStub stub, String id) {
        return DEADLINE.on(stub).getUser(GetUserRequest.newBuilder().setId(id).build()).getUser();
    }

    private static double nearHits() {
        return Metrics.globalRegistry().counter("cache.near_hits", List.of())
                .map(Counter::count).orElse(0L);
    }

}
