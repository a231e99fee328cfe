package dev.authgateway.conformance.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.User;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.proto.user.v1.VerifyCredentialsResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingServerCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.StatusProto;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;

/**
 * A known-good grpc-java server with a fake UserStore whose behaviour is chosen by the request: {@code GetUser} with
 * id {@code ok}, {@code details} (fails with google.rpc details), {@code hold:<ms>} (blocks until released or
 * that long), {@code large:<bytes>} (a reply that big); {@code VerifyCredentials} with login {@code fail} (INTERNAL, the
 * password in a binary trailer), {@code hold} (answers after 2 s) or {@code large} (a 5 MiB reply made of the password). Every call's headers,
 * deadline and cancellation are recorded; every reply carries fixed response headers and trailers.
 */
final class FakeStoreServer implements AutoCloseable {

    static final Metadata.Key<String> REPLY_ID = Metadata.Key.of("x-reply-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<byte[]> REPLY_BIN = Metadata.Key.of("x-reply-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final Metadata.Key<String> TRAILER_ID = Metadata.Key.of("x-trailer-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<byte[]> TRAILER_BIN = Metadata.Key.of("x-trailer-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final Metadata.Key<byte[]> SECRET_BIN = Metadata.Key.of("x-secret-bin", Metadata.BINARY_BYTE_MARSHALLER);
    static final String REPLY_ID_VALUE = "reply-7f3a";
    static final String TRAILER_ID_VALUE = "trailer-91c2";
    static final byte[] REPLY_BIN_VALUE = allBytes(0);
    static final byte[] TRAILER_BIN_VALUE = allBytes(128);

    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
    final AtomicReference<Deadline> lastDeadline = new AtomicReference<>();
    final AtomicReference<String> peerSubject = new AtomicReference<>();
    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch cancelled = new CountDownLatch(1);
    final HealthStatusManager health = new HealthStatusManager();
    private final Server server;

    /** Options of the server; {@code port} 0 picks one. */
    record Options(String address, int port, SslContext tls, long maxConnectionAgeMillis) {
        static Options plain() {
            return new Options("127.0.0.1", 0, null, 0);
        }

        Options on(String address, int port) {
            return new Options(address, port, tls, maxConnectionAgeMillis);
        }

        Options tls(SslContext context) {
            return new Options(address, port, context, maxConnectionAgeMillis);
        }

        Options maxConnectionAge(long millis) {
            return new Options(address, port, tls, millis);
        }
    }

    private FakeStoreServer(Options options) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(options.address(), options.port()))
                .permitKeepAliveTime(1, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true);
        if (options.tls() != null) {
            builder.sslContext(options.tls());
        }
        if (options.maxConnectionAgeMillis() > 0) {
            builder.maxConnectionAge(options.maxConnectionAgeMillis(), TimeUnit.MILLISECONDS)
                    .maxConnectionAgeGrace(1, TimeUnit.SECONDS);
        }
        server = builder
                .addService(ServerInterceptors.intercept(new Store(), new Recorder()))
                .addService(health.getHealthService())
                .build()
                .start();
    }

    static FakeStoreServer start(Options options) throws IOException {
        return new FakeStoreServer(options);
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static byte[] allBytes(int from) {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    /** Records what a call brought (headers, deadline, peer certificate) and adds the fixed headers and trailers. */
    private final class Recorder implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            lastHeaders.set(headers);
            SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
            if (session != null) {
                try {
                    peerSubject.set(((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal()
                            .getName());
                } catch (SSLPeerUnverifiedException e) {
                    peerSubject.set("none");
                }
            }
            return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void sendHeaders(Metadata responseHeaders) {
                    responseHeaders.put(REPLY_ID, REPLY_ID_VALUE);
                    responseHeaders.put(REPLY_BIN, REPLY_BIN_VALUE);
                    super.sendHeaders(responseHeaders);
                }

                @Override
                public void close(Status status, Metadata trailers) {
                    trailers.put(TRAILER_ID, TRAILER_ID_VALUE);
                    trailers.put(TRAILER_BIN, TRAILER_BIN_VALUE);
                    super.close(status, trailers);
                }
            }, headers);
        }
    }

    /** The fake UserStore. */
    private final class Store extends UserStoreGrpc.UserStoreImplBase {
        @Override
        public void getUser(GetUserRequest request, StreamObserver<GetUserResponse> response) {
            FakeStoreServer server = FakeStoreServer.this;
            server.calls.incrementAndGet();
            server.lastDeadline.set(Context.current().getDeadline());
            String id = request.getId();
            if (id.equals("details")) {
                response.onError(StatusProto.toStatusRuntimeException(DETAILS));
                return;
            }
            if (id.startsWith("hold:")) {
                Context.current().addListener(context -> server.cancelled.countDown(), Runnable::run);
                server.holding.countDown();
                try {
                    server.release.await(Long.parseLong(id.substring("hold:".length())), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String name = "";
            if (id.startsWith("large:")) {
                name = "x".repeat(Integer.parseInt(id.substring("large:".length())));
            }
            response.onNext(GetUserResponse.newBuilder()
                    .setUser(User.newBuilder().setId(id).setDisplayName(name)).build());
            response.onCompleted();
        }

        @Override
        public void verifyCredentials(VerifyCredentialsRequest request,
                                      StreamObserver<VerifyCredentialsResponse> response) {
            calls.incrementAndGet();
            String secret = request.getPassword();
            switch (request.getLogin()) {
                case "fail" -> {
                    Metadata trailers = new Metadata();
                    trailers.put(SECRET_BIN, secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    response.onError(Status.INTERNAL.withDescription("store failed").asRuntimeException(trailers));
                }
                case "hold" -> {
                    try {
                        release.await(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    response.onNext(VerifyCredentialsResponse.newBuilder()
                            .setUser(User.newBuilder().setId(secret)).build());
                    response.onCompleted();
                }
                case "large" -> {
                    StringBuilder name = new StringBuilder(5 * 1024 * 1024 + secret.length());
                    while (name.length() < 5 * 1024 * 1024) {
                        name.append(secret);
                    }
                    response.onNext(VerifyCredentialsResponse.newBuilder()
                            .setUser(User.newBuilder().setId(secret).setDisplayName(name.toString())).build());
                    response.onCompleted();
                }
                default -> {
                    response.onNext(VerifyCredentialsResponse.newBuilder()
                            .setUser(User.newBuilder().setId(secret)).build());
                    response.onCompleted();
                }
            }
        }
    }

    static final com.google.rpc.Status DETAILS = com.google.rpc.Status.newBuilder()
            .setCode(Code.INVALID_ARGUMENT_VALUE)
            .setMessage("login has hidden characters")
            .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField("login").setDescription("contains U+200B")).build()))
            .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("HIDDEN_CHARACTERS").setDomain("authgateway.dev")
                    .putMetadata("field", "login").build()))
            .build();
}
