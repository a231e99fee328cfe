package dev.authgateway.support.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.spi.ServerConnection;

/**
 * A connection that, once Helidon is done with it, reads and discards what the client is still sending (at most
 * {@link #MAX_BYTES}, for at most {@link #MAX_WAIT}, until it pauses for {@link #QUIET}) before the socket is closed.
 * Without it a refusal sent while the client is still writing its body (413 on a 1 MB body) is lost: closing a socket
 * with unread input sends a TCP reset, and a client that sends its whole body before it reads (many do) sees the
 * connection drop instead of the typed answer. What is discarded is never read as a request. This is the "lingering
 * close" of RFC 9112 section 9.6, as nginx (lingering_time, lingering_timeout) and Apache httpd do it; the byte bound
 * is ours, so no client makes the server read for it at wire speed. A close the server asks for (shutdown, idle
 * timeout) does not linger: the client is not sending then, and shutdown should not wait.
 */
final class LingeringClose implements ServerConnection {

    static final long MAX_BYTES = 8L << 20;
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofSeconds(1);

    private final ServerConnection connection;
    private final DataReader input;
    private volatile boolean closedByServer;

    LingeringClose(ServerConnection connection, DataReader input) {
        this.connection = connection;
        this.input = input;
    }

    @Override
    public void handle(Semaphore requestSemaphore) throws InterruptedException {
        try {
            connection.handle(requestSemaphore);
        } finally {
            drain();
        }
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        try {
            connection.handle(limit);
        } finally {
            drain();
        }
    }

    @Override
    public Duration idleTime() {
        return connection.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        closedByServer = true;
        connection.close(interrupt);
    }

    /**
     * Ends at the client's end of stream, after MAX_BYTES, when nothing has arrived for QUIET (a client waiting for
     * the server to close sends nothing, so it is not kept waiting long), or after MAX_WAIT, whichever comes first.
     */
    private void drain() throws InterruptedException {
        if (closedByServer) {
            return;
        }
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        Thread discarding = Thread.ofVirtual().name("lingering-close").start(() -> {
            long left = MAX_BYTES;
            try {
                while (left > 0) {
                    int buffered = input.available();
                    if (buffered == 0) {
                        input.pullData();
                        lastArrival.set(System.nanoTime());
                        continue;
                    }
                    int skipped = (int) Math.min(buffered, left);
                    input.skip(skipped);
                    left -= skipped;
                }
            } catch (RuntimeException endOfStreamOrClosed) {
                // The client is done (or the socket was closed): nothing more to discard.
            }
        });
        long giveUpAt = System.nanoTime() + MAX_WAIT.toNanos();
        while (discarding.isAlive()) {
            long now = System.nanoTime();
            long quietUntil = lastArrival.get() + QUIET.toNanos();
            long wait = Math.min(giveUpAt, quietUntil) - now;
            if (wait <= 0) {
                return;
            }
            discarding.join(Duration.ofNanos(wait));
        }
    }
}
