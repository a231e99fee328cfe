package dev.authgateway.store.mail;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.authgateway.store.domain.OutboxRelay;
import dev.authgateway.support.observe.RateLimitedLog;

/**
 * Runs the outbox relay on one thread every poll interval, draining while rounds come back full. Closing stops it
 * between messages; a message being sent is finished or, if the process dies, sent again after its lease.
 */
public final class MailSender implements AutoCloseable {

    private static final RateLimitedLog LOG = RateLimitedLog.of(MailSender.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("mail-sender").daemon(true).factory());
    private final OutboxRelay relay;
    private final int batchSize;

    private MailSender(OutboxRelay relay, int batchSize) {
        this.relay = relay;
        this.batchSize = batchSize;
    }

    public static MailSender start(OutboxRelay relay, int batchSize, Duration pollInterval) {
        MailSender sender = new MailSender(relay, batchSize);
        sender.executor.scheduleWithFixedDelay(sender::round, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        return sender;
    }

    private void round() {
        try {
            while (!Thread.currentThread().isInterrupted() && relay.deliverDue() >= batchSize) {
                // a full round: more may be due
            }
        } catch (RuntimeException e) {
            LOG.dependency("mail-outbox", "Mail outbox round failed; retried at the next poll", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
