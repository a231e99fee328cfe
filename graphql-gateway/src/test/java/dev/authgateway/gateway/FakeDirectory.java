package dev.authgateway.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.authgateway.gateway.domain.LoginSubject;
import dev.authgateway.gateway.domain.NewAccount;
import dev.authgateway.gateway.domain.Session;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.gateway.domain.UserDirectory;

/** An in-memory directory with one user, ada, whose next call fails with the failure a test sets, once. */
final class FakeDirectory implements UserDirectory {

    static final User ADA = new User("u-ada", "ada", "ada@example.org", "Ada", Instant.parse("2026-01-01T00:00:00Z"));

    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile java.util.concurrent.CountDownLatch createGate = new java.util.concurrent.CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger createsStarted = new java.util.concurrent.atomic.AtomicInteger();

    /** Signups from now on wait until the returned latch is counted down (a store busy hashing), at most 10 s. */
    java.util.concurrent.CountDownLatch holdCreates() {
        createGate = new java.util.concurrent.CountDownLatch(1);
        return createGate;
    }

    int createsStarted() {
        return createsStarted.get();
    }

    /** The next call throws this. */
    void failNext(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** Every call first waits this long (a store that is slow). */
    void delayEveryCall(Duration delay) {
        this.delay = delay;
    }

    private void call() {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public User create(NewAccount account) {
        createsStarted.incrementAndGet();
        try {
            createGate.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        call();
        return ADA;
    }

    @Override
    public LoginSubject resolveLogin(String login) {
        return new LoginSubject(ADA.id(), ADA.username());
    }

    @Override
    public User verifyCredentials(String login, String password) {
        call();
        return ADA;
    }

    @Override
    public User get(String userId) {
        call();
        return ADA;
    }

    @Override
    public User updateDisplayName(String userId, String displayName) {
        call();
        return ADA;
    }

    // Without @Override: issue 14 moves cache invalidation out of this port.

    @Override
    public Session startSession(String userId) {
        return new Session("refresh-1", "session-1", userId, Instant.now().plus(Duration.ofDays(1)), false);
    }

    @Override
    public Session refreshSession(String refreshToken) {
        call();
        return startSession(ADA.id());
    }

    @Override
    public List<String> endSession(String sessionId, String userId) {
        return List.of(sessionId);
    }

    @Override
    public List<String> endAllSessions(String userId) {
        return List.of();
    }
}
