package dev.authgateway.store.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Delivers the outbox at least once: claims due rows, sends each, records the result. A failed attempt is retried
 * after an exponential backoff (base, 2 base, 4 base ... capped), until {@code maxAttempts}; then it is given up
 * (kept, with its error class, for an operator). A crash between SMTP's acceptance and {@code markSent} sends the
 * message again after the lease: at least once, never lost.
 */
public final class OutboxRelay {

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final Policy policy;
    private final Clock clock;

    public OutboxRelay(MailOutbox outbox, MailTransport transport, Policy policy, Clock clock) {
        this.outbox = outbox;
        this.transport = transport;
        this.policy = policy;
        this.clock = clock;
    }

    /** One round: how many rows it claimed. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<OutboxEntry> due = outbox.claimDue(policy.batchSize(), now, now.plus(policy.lease()));
        for (OutboxEntry entry : due) {
            deliver(entry);
        }
        return due.size();
    }

    private void deliver(OutboxEntry entry) {
        try {
            transport.send(entry.mail());
        } catch (MailDeliveryException e) {
            if (entry.attempts() >= policy.maxAttempts()) {
                outbox.giveUp(entry.id(), clock.instant(), e.reason());
            } else {
                outbox.retryAt(entry.id(), clock.instant().plus(policy.backoff(entry.attempts())), e.reason());
            }
            return;
        }
        outbox.markSent(entry.id(), clock.instant());
    }

    /** How the relay claims and retries. */
    public record Policy(int batchSize, int maxAttempts, Duration backoffBase, Duration backoffMax, Duration lease) {

        public Policy {
            if (batchSize < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("batch size and max attempts must be positive");
            }
        }

        /** The wait after the {@code attempts}-th failure: base * 2^(attempts-1), at most backoffMax. */
        public Duration backoff(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 30);
            Duration wait = backoffBase.multipliedBy(1L << doublings);
            return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
        }
    }
}
