package dev.authgateway.store.hashing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import dev.authgateway.store.domain.PasswordHasher;
import dev.authgateway.store.domain.StoreUnavailableException;

/**
 * Runs the hashing on a few platform threads. gRPC calls run on virtual threads, which the JVM does not preempt:
 * an Argon2id hash (tens of milliseconds of pure CPU) on every carrier thread at once would stall every other
 * call, even ones only waiting for a free pooled connection. Here the caller's virtual thread just waits.
 *
 * <p>A hash whose caller has given up is not computed: computing it anyway would only make every later caller wait
 * longer (load shedding). The caller's deadline comes from {@code callerDeadline} (the gRPC call's, in the
 * service); a caller without one gives up after {@code maxQueueWait} in the queue. The call fails with
 * {@link StoreUnavailableException}, i.e. UNAVAILABLE, and the client may retry.
 */
public final class OffloadedPasswordHasher implements PasswordHasher, AutoCloseable {

    private final PasswordHasher hasher;
    private final ExecutorService pool;
    private final long maxQueueWaitNanos;
    private final Supplier<Optional<Duration>> callerDeadline;

    public OffloadedPasswordHasher(PasswordHasher hasher, int threads, Duration maxQueueWait) {
        this(hasher, threads, maxQueueWait, Optional::empty);
    }

    /** {@code callerDeadline}: read on the caller's thread, the time its caller still waits, if it has a deadline. */
    public OffloadedPasswordHasher(PasswordHasher hasher, int threads, Duration maxQueueWait,
                                   Supplier<Optional<Duration>> callerDeadline) {
        this.hasher = hasher;
        this.callerDeadline = callerDeadline;
        this.maxQueueWaitNanos = maxQueueWait.toNanos();
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hash-", 0).daemon()
                .factory());
    }

    /**
     * One per processor: these are platform threads, which the OS time-slices with the carriers of the virtual
     * threads, so hashing cannot stall the other calls however many run at once.
     */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String hash(String password) {
        return run(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(String password, String hash) {
        return run(() -> hasher.matches(password, hash));
    }

    @Override
    public boolean needsRehash(String hash) {
        return hasher.needsRehash(hash);
    }

    @Override
    public void burnEquivalentTime(String password) {
        run(() -> {
            hasher.burnEquivalentTime(password);
            return null;
        });
    }

    private <T> T run(Callable<T> work) {
        long giveUpAt = System.nanoTime()
                + callerDeadline.get().map(Duration::toNanos).orElse(maxQueueWaitNanos);
        Future<T> result = pool.submit(() -> {
            if (System.nanoTime() - giveUpAt > 0) {
                throw new StoreUnavailableException("password hashing is overloaded; retry later");
            }
            return work.call();
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
