package dev.authgateway.support.http;

import java.time.Duration;
import java.util.concurrent.Semaphore;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.spi.ServerConnection;

/**
 * A connection that, once Helidon is done with it, reads and discards what the client is still sending (at most
 * {@link #MAX_BYTES}, for at most {@link #MAX_WAIT}) before the socket is closed. Without it a refusal sent while the
 * client is still writing its body (413 on a 120 KiB body) is lost: closing a socket with unread input sends a TCP
 * reset, and the client sees the connection drop instead of the typed answer. What is discarded is never read as a
 * request. This is the "lingering close" of RFC 9112 section 9.6, as nginx and Apache httpd do it.
 */
final class LingeringClose implements ServerConnection {

    static final long MAX_BYTES = 1 << 20;
    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final ServerConnection connection;
    private final DataReader input;

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
        connection.close(interrupt);
    }

    /** Ends at the client's end of stream, after MAX_BYTES, or after MAX_WAIT, whichever comes first. */
    private void drain() throws InterruptedException {
        Thread discarding = Thread.ofVirtual().name("lingering-close").start(() -> {
            long left = MAX_BYTES;
            try {
                while (left > 0) {
                    int buffered = input.available();
                    if (buffered == 0) {
                        input.pullData();
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
        discarding.join(MAX_WAIT);
    }
}
