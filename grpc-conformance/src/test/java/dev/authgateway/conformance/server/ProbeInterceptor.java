package dev.authgateway.conformance.server;

import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * A service-side interceptor, added to the server like the project's own: keeps the last request headers and every
 * caller's remote address ({@link Grpc#TRANSPORT_ATTR_REMOTE_ADDR}, "none" when the transport has none), and puts
 * known values into the response headers and trailers.
 */
final class ProbeInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> REPLY = Metadata.Key.of("x-reply", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<byte[]> REPLY_BIN = Metadata.Key.of("x-reply-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final Metadata.Key<String> TRAILER = Metadata.Key.of("x-trailer", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<byte[]> TRAILER_BIN = Metadata.Key.of("x-trailer-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final String REPLY_VALUE = "reply value; with=punctuation";
    static final String TRAILER_VALUE = "trailer value";
    static final byte[] REPLY_BYTES = allBytes(false);
    static final byte[] TRAILER_BYTES = allBytes(true);

    final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
    final Set<String> remoteAddresses = ConcurrentHashMap.newKeySet();

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        lastHeaders.set(headers);
        SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        remoteAddresses.add(remote == null ? "none" : remote.toString());
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(REPLY, REPLY_VALUE);
                responseHeaders.put(REPLY_BIN, REPLY_BYTES);
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                trailers.put(TRAILER, TRAILER_VALUE);
                trailers.put(TRAILER_BIN, TRAILER_BYTES);
                super.close(status, trailers);
            }
        }, headers);
    }

    /** Every byte value once (reversed for the trailer), so any re-encoding shows. */
    static byte[] allBytes(boolean reversed) {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (reversed ? 255 - i : i);
        }
        return bytes;
    }
}
