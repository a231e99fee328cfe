package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;

/**
 * The outbox's delivery side. A claim leases due rows to one sender until {@code leaseUntil} (rows another sender
 * holds are skipped, so replicas never wait on each other); a sender that dies leaves its rows to be claimed again
 * when the lease ends. Sent or given-up rows lose their bodies.
 */
public interface MailOutbox {

    /** Up to {@code batch} rows due at {@code now}, each with its attempt count raised by one. */
    List<OutboxEntry> claimDue(int batch, Instant now, Instant leaseUntil);

    void markSent(long id, Instant now);

    void retryAt(long id, Instant next, String error);

    void giveUp(long id, Instant now, String error);
}
