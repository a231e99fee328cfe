package dev.authgateway.gateway;

import java.util.concurrent.atomic.AtomicReference;

import dev.authgateway.gateway.domain.AttemptLimits;
import dev.authgateway.gateway.domain.LoginAttempt;

/** Attempt limits that admit everything except the next signup when a test says it is over the limit. */
final class FakeAttemptLimits implements AttemptLimits {

    private final AtomicReference<RuntimeException> nextSignupRefusal = new AtomicReference<>();

    void refuseNextSignup(RuntimeException refusal) {
        nextSignupRefusal.set(refusal);
    }

    @Override
    public LoginAttempt reserveLogin(String limitKey, String clientAddress) {
        return new LoginAttempt(limitKey, clientAddress, true);
    }

    @Override
    public void loginSucceeded(LoginAttempt attempt) {
    }

    @Override
    public void release(LoginAttempt attempt) {
    }

    @Override
    public void signupAttempted(String clientAddress) {
        RuntimeException refusal = nextSignupRefusal.getAndSet(null);
        if (refusal != null) {
            throw refusal;
        }
    }
}
