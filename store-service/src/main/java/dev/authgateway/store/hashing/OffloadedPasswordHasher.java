package dev.authgateway.store.hashing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authgateway.store.domain.PasswordHasher;
import dev.authgateway.store.domain.StoreUnavailableException;

/**
 * Runs the hashing on a few platform threads. gRPC calls run on virtual threads, which the JVM does not preempt:
 * an Argon2id hash (tens of milliseconds of pure CPU) on every carrier thread at once would stall every other
 * call, even ones only waiting for a free pooled connection. Here the caller's virtual thread just waits.
 *
 * <p>A hash that waited in the queue longer than {@code maxQueueWait} is not computed: its caller's deadline has
 * passed, and computing it anyway would only make every later caller wait longer (load shedding). The call fails
 * with {@link StoreUnavailableException}, i.e. UNAVAILABLE, and the client may retry.
 */
public final class OffloadedPasswordHasher implements PasswordHasher, AutoCloseable {

    private final PasswordHasher hasher;
    private final ExecutorService pool;
    private final long maxQueueWaitNanos;

    public OffloadedPasswordHasher(PasswordHasher hasher, int threads, Duration maxQueueWait) {
        this.hasher = hasher;
        this.maxQueueWaitNanos = maxQueueWait.toNanos();
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hash-", 0).daemon()
                .factory());
    }

    /** One thread fewer than the processors, at least one, so hashing never takes every core. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
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
        long submitted = System.nanoTime();
        Future<T> result = pool.submit(() -> {
            if (System.nanoTime() - submitted > maxQueueWaitNanos) {
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
