package dev.authgateway.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.authgateway.gateway.domain.AccountMailbox;

/** Account mail in memory: every address verified unless a test says otherwise once; failures set per call. */
final class FakeMailbox implements AccountMailbox {

    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final AtomicBoolean nextUnverified = new AtomicBoolean();

    void failNext(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** The next emailVerified answers false. */
    void unverifiedNext() {
        nextUnverified.set(true);
    }

    private void call() {
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean emailVerified(String userId) {
        call();
        return !nextUnverified.getAndSet(false);
    }

    @Override
    public boolean resendVerification(String userId) {
        call();
        return true;
    }

    @Override
    public String verifyEmail(String token) {
        call();
        return FakeDirectory.ADA.id();
    }

    @Override
    public void requestPasswordReset(String email) {
        call();
    }

    @Override
    public PasswordReplaced resetPassword(String token, String newPassword) {
        call();
        return new PasswordReplaced(FakeDirectory.ADA.id(), List.of("session-1"));
    }

    @Override
    public PasswordReplaced changePassword(String userId, String sessionId, String currentPassword,
                                           String newPassword) {
        call();
        return new PasswordReplaced(userId, List.of());
    }
}
