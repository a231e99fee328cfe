package dev.authgateway.support.grpc;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import dev.authgateway.support.observe.GrpcClientTelemetry;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.helidon.common.socket.SocketOptions;
import io.helidon.common.tls.Tls;
import io.helidon.config.Config;
import io.helidon.webclient.grpc.GrpcClient;

/**
 * The channel {@link GrpcChannels#open} gives for {@code implementation: helidon}: Helidon's gRPC client
 * ({@code helidon-webclient-grpc}) built from the same keys as the grpc-java channel, behind the same handle type
 * ({@link ManagedChannel}) so callers need not know which implementation they hold.
 *
 * <p>Helidon's {@link GrpcClient} has nothing to close: a unary call opens its own HTTP/2 connection and closes it
 * when the call ends. The lifecycle a {@code ManagedChannel} promises is therefore kept here: after
 * {@link #shutdown()} new calls fail with UNAVAILABLE (as grpc-java's do), calls in flight run to their end, and
 * {@link #awaitTermination} waits for them.
 *
 * <p>Keys with no Helidon equivalent are not refused (the defaults would make every Helidon channel unusable);
 * each is logged once per process at INFO, and the conformance suite shows the consequence:
 * {@code load-balancing} (Helidon connects to the first address DNS gives for the host, per call; there is no
 * round-robin over a name's addresses), {@code keepalive} (mapped to the protocol's {@code heartbeat-period}, which
 * Helidon only uses on streaming calls; unary calls send no pings), {@code keepalive-timeout} (no equivalent).
 */
final class HelidonChannel extends ManagedChannel {

    private static final Logger LOG = Logger.getLogger(HelidonChannel.class.getName());
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private final Channel delegate;
    private final String authority;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private boolean shutdown;

    private HelidonChannel(Channel delegate, String authority) {
        this.delegate = delegate;
        this.authority = authority;
    }

    static ManagedChannel open(Config channel, GrpcChannelSettings settings) {
        if (!"pick_first".equals(settings.loadBalancing())) {
            unsupported("load-balancing", "load-balancing=" + settings.loadBalancing() + " has no Helidon "
                    + "equivalent: each call connects to the first address DNS gives for the host");
        }
        Duration keepalive = settings.keepalive();
        unsupported("keepalive", "keepalive=" + keepalive + " becomes Helidon's heartbeat-period, which only "
                + "streaming calls use; unary calls send no HTTP/2 pings");
        if (settings.keepaliveTimeout().isPresent()) {
            unsupported("keepalive-timeout", "keepalive-timeout has no Helidon equivalent and is ignored");
        }
        Config tlsNode = channel.get("tls");
        boolean tls = tlsNode.get("enabled").asBoolean().orElse(false);
        String authority = GrpcChannels.authority(settings.host(), settings.port());
        GrpcClient client = GrpcClient.builder()
                .baseUri((tls ? "https://" : "http://") + authority)
                .tls(GrpcTls.helidonClient(tlsNode).orElseGet(() -> Tls.builder().enabled(false).build()))
                .protocolConfig(protocol -> protocol.heartbeatPeriod(keepalive))
                // Nagle's algorithm holds a call's second write until the peer's delayed ACK: about 40 ms a call.
                .socketOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .build();
        return new HelidonChannel(client.channel(new GrpcClientTelemetry()), authority);
    }

    private static void unsupported(String key, String message) {
        if (LOGGED.add(key)) {
            LOG.info("Helidon gRPC client: " + message);
        }
    }

    @Override
    public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
        lock.lock();
        try {
            if (shutdown) {
                return new RefusedCall<>();
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
        ClientCall<Q, R> call;
        try {
            call = delegate.newCall(method, options);
        } catch (RuntimeException | Error e) {
            callEnded();
            throw e;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            private boolean ended;

            @Override
            public void start(Listener<R> listener, Metadata headers) {
                try {
                    super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                        @Override
                        public void onClose(Status status, Metadata trailers) {
                            try {
                                super.onClose(status, trailers);
                            } finally {
                                end();
                            }
                        }
                    }, headers);
                } catch (RuntimeException | Error e) {
                    end();
                    throw e;
                }
            }

            @Override
            public void cancel(String message, Throwable cause) {
                try {
                    super.cancel(message, cause);
                } finally {
                    end();
                }
            }

            private synchronized void end() {
                if (!ended) {
                    ended = true;
                    callEnded();
                }
            }
        };
    }

    private void callEnded() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String authority() {
        return authority;
    }

    @Override
    public ManagedChannel shutdown() {
        lock.lock();
        try {
            shutdown = true;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** Helidon gives no way to abort its calls from outside; this refuses new calls like {@link #shutdown()}. */
    @Override
    public ManagedChannel shutdownNow() {
        return shutdown();
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        lock.lock();
        try {
            return shutdown && inFlight == 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lock();
        try {
            while (!(shutdown && inFlight == 0)) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** What a call on a shut-down channel gets: UNAVAILABLE at start, as grpc-java answers. */
    private static final class RefusedCall<Q, R> extends ClientCall<Q, R> {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
            listener.onClose(Status.UNAVAILABLE.withDescription("Channel shutdown invoked"), new Metadata());
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void cancel(String message, Throwable cause) {
        }

        @Override
        public void halfClose() {
        }

        @Override
        public void sendMessage(Q message) {
        }
    }
}
