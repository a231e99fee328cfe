package dev.authgateway.store.domain;

import java.time.Duration;

/** Too many messages to this address or account within the window; nothing was written. */
public final class MailRateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public MailRateLimitedException(Duration retryAfter) {
        super("too many messages; retry after " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
