package dev.authgateway.conformance.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.authgateway.conformance.TestCertificates;
import dev.authgateway.conformance.Verdicts;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.support.server.GrpcServiceServer;
import dev.authgateway.support.server.HealthChecks;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.support.testing.GrpcTestConfig;
import dev.authgateway.support.testing.LogRecords;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The server side of the gRPC conformance suite: every case against the project's own server wiring,
 * {@link GrpcServiceServer} with {@code grpc.implementation} {@code grpc-java} and {@code helidon}, over real sockets
 * on 127.0.0.1, with a known-good grpc-java client (Netty, as shaded in grpc-netty-shaded). The service is
 * {@link FakeUserStore}; {@link ProbeInterceptor} is added like the services' own interceptors. Each case's outcome is
 * checked against {@code conformance/server.tsv} by {@link Verdicts}.
 *
 * <p>{@code keepalive}: the production client ({@code GrpcChannels}) pings after PT30S without data and only while
 * calls are in flight, and every call has a deadline of seconds, so a stalled call sees at most a ping or two before
 * its deadline. grpc-java's client cannot ping faster than every 10 s, so the case speaks HTTP/2 itself
 * ({@link RawH2c}, cleartext): with a call in flight it sends two PINGs (what the production client sends over a
 * minute-long stall, longer than any deadline) back to back, which is no easier for a server than the same two
 * spread over a minute, as ping policing (grpc-java's {@code permitKeepAliveTime}, 2 strikes) counts pings per time.
 * Each PING must be answered with an ACK carrying its payload, no GOAWAY (e.g. {@code too_many_pings}) or RST_STREAM
 * may come, and the call then completes with grpc-status 0 on the same connection.
 *
 * <p>{@code drain}: {@code RunningService.close()} is what SIGTERM does: {@code ServiceMain} registers a shutdown hook
 * that calls it, and it closes the gRPC listener first (refusing new calls, draining those in flight for up to
 * {@code grpc.shutdown-grace-period}), then the HTTP listener, then the resources.
 */
@Timeout(60)
class ServerConformanceIT {

    private static final String SIDE = "server";
    private static final Duration CALL = Duration.ofSeconds(3);

    @TempDir
    static Path certDir;
    private static TestCertificates certs;

    @BeforeAll
    static void certificates() throws Exception {
        certs = TestCertificates.make(certDir);
    }

    // ---------------------------------------------------------------------------------------------------- cases

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void statusDetails(String impl) throws Exception {
        Verdicts.check(SIDE, "status-details", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of()); Client c = Client.plaintext(f.port())) {
                StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                        () -> c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.DETAILS).build()));
                SoftAssertions soft = new SoftAssertions();
                soft.assertThat(e).as("the call fails").isNotNull();
                if (e != null) {
                    com.google.rpc.Status details = StatusProto.fromThrowable(e);
                    soft.assertThat(e.getStatus().getCode()).as("code").isEqualTo(Status.Code.INVALID_ARGUMENT);
                    soft.assertThat(details).as("grpc-status-details-bin").isNotNull();
                    if (details != null) {
                        soft.assertThat(details.getDetailsCount()).as("details").isEqualTo(2);
                        soft.assertThat(details.getDetails(0).unpack(ErrorInfo.class)).as("ErrorInfo")
                                .isEqualTo(FakeUserStore.ERROR_INFO);
                        soft.assertThat(details.getDetails(1).unpack(BadRequest.class)).as("BadRequest")
                                .isEqualTo(FakeUserStore.BAD_REQUEST);
                    }
                    soft.assertThat(e.getStatus().getDescription()).as("description (grpc-message)")
                            .isEqualTo(FakeUserStore.DETAILS_DESCRIPTION);
                }
                soft.assertAll();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void deadlinePropagated(String impl) throws Exception {
        Verdicts.check(SIDE, "deadline-propagated", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of()); Client c = Client.plaintext(f.port())) {
                c.store().withDeadlineAfter(3, TimeUnit.SECONDS)
                        .getUser(GetUserRequest.newBuilder().setId(FakeUserStore.DEADLINE).build());
                long seen = f.store.deadlineSeenNanos.get();
                assertThat(seen).as("nanoseconds left of the deadline the handler saw (-1: none)")
                        .isBetween(TimeUnit.MILLISECONDS.toNanos(2000), TimeUnit.MILLISECONDS.toNanos(3000));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void deadlineEnforced(String impl) throws Exception {
        Verdicts.check(SIDE, "deadline-enforced", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of()); Client c = Client.plaintext(f.port())) {
                // Warm (class loading, connection) so the blocking call reaches its handler well within its deadline.
                c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build());
                long started = System.nanoTime();
                StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                        () -> c.store().withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                                .getUser(GetUserRequest.newBuilder().setId(FakeUserStore.BLOCK).build()));
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(e).isNotNull();
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                assertThat(elapsedMs).as("ms until DEADLINE_EXCEEDED").isBetween(400L, 1500L);
                assertThat(f.store.entered.getCount()).as("the call reached its handler").isZero();
                assertThat(f.store.cancelled.await(3, TimeUnit.SECONDS))
                        .as("the handler saw its call cancelled (Context listener or onCancel) within 3 s").isTrue();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void metadata(String impl) throws Exception {
        Verdicts.check(SIDE, "metadata", impl, () -> {
            String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            String requestId = "req-" + UUID.randomUUID();
            byte[] probe = ProbeInterceptor.allBytes(false);
            Metadata sent = new Metadata();
            sent.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), traceparent);
            sent.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), requestId);
            sent.put(Metadata.Key.of("x-probe-bin", Metadata.BINARY_BYTE_MARSHALLER), probe);
            AtomicReference<Metadata> headers = new AtomicReference<>();
            AtomicReference<Metadata> trailers = new AtomicReference<>();
            try (Fixture f = Fixture.start(impl, Map.of()); Client c = Client.plaintext(f.port())) {
                c.store().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(sent),
                                MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                        .getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build());
                Metadata received = f.probe.lastHeaders.get();
                SoftAssertions soft = new SoftAssertions();
                soft.assertThat(received.get(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER)))
                        .as("traceparent").isEqualTo(traceparent);
                soft.assertThat(received.get(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER)))
                        .as("x-request-id").isEqualTo(requestId);
                soft.assertThat(received.get(Metadata.Key.of("x-probe-bin", Metadata.BINARY_BYTE_MARSHALLER)))
                        .as("x-probe-bin").isEqualTo(probe);
                soft.assertThat(headers.get()).as("response headers").isNotNull();
                soft.assertThat(trailers.get()).as("trailers").isNotNull();
                if (headers.get() != null && trailers.get() != null) {
                    soft.assertThat(headers.get().get(ProbeInterceptor.REPLY)).as("x-reply")
                            .isEqualTo(ProbeInterceptor.REPLY_VALUE);
                    soft.assertThat(headers.get().get(ProbeInterceptor.REPLY_BIN)).as("x-reply-bin")
                            .isEqualTo(ProbeInterceptor.REPLY_BYTES);
                    soft.assertThat(trailers.get().get(ProbeInterceptor.TRAILER)).as("x-trailer")
                            .isEqualTo(ProbeInterceptor.TRAILER_VALUE);
                    soft.assertThat(trailers.get().get(ProbeInterceptor.TRAILER_BIN)).as("x-trailer-bin")
                            .isEqualTo(ProbeInterceptor.TRAILER_BYTES);
                }
                soft.assertAll();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void mtlsTrustedClient(String impl) throws Exception {
        Verdicts.check(SIDE, "mtls-trusted-client", impl, () -> {
            try (Fixture f = Fixture.start(impl, mtls());
                 Client c = Client.tls(f.port(), certs.trusted().cert("graphql-gateway"),
                         certs.trusted().key("graphql-gateway"))) {
                GetUserResponse response = c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build());
                assertThat(response.getUser().getId()).isEqualTo(FakeUserStore.OK);
                assertThat(f.store.calls.get()).isEqualTo(1);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void mtlsRefusesPlaintext(String impl) throws Exception {
        Verdicts.check(SIDE, "mtls-refuses-plaintext", impl, () -> {
            try (Fixture f = Fixture.start(impl, mtls()); Client c = Client.plaintext(f.port())) {
                assertRefused(f, c);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void mtlsRefusesMissingCertificate(String impl) throws Exception {
        Verdicts.check(SIDE, "mtls-refuses-missing-certificate", impl, () -> {
            try (Fixture f = Fixture.start(impl, mtls()); Client c = Client.tls(f.port(), null, null)) {
                assertRefused(f, c);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void mtlsRefusesForeignCertificate(String impl) throws Exception {
        Verdicts.check(SIDE, "mtls-refuses-foreign-certificate", impl, () -> {
            try (Fixture f = Fixture.start(impl, mtls());
                 Client c = Client.tls(f.port(), certs.foreign().cert("graphql-gateway"),
                         certs.foreign().key("graphql-gateway"))) {
                assertRefused(f, c);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void health(String impl) throws Exception {
        Verdicts.check(SIDE, "health", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of()); Client c = Client.plaintext(f.port())) {
                var health = HealthGrpc.newBlockingStub(c.channel).withDeadlineAfter(3, TimeUnit.SECONDS);
                // ReadinessHealthService answers every service name from the same readiness checks.
                for (String service : List.of("", "authgateway.user.v1.UserStore", "no.such.Service")) {
                    assertThat(health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
                            .as("'%s' while ready", service).isEqualTo(ServingStatus.SERVING);
                }
                f.ready.set(false);
                for (String service : List.of("", "authgateway.user.v1.UserStore")) {
                    assertThat(health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus())
                            .as("'%s' while a readiness check is down", service).isEqualTo(ServingStatus.NOT_SERVING);
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void keepalive(String impl) throws Exception {
        Verdicts.check(SIDE, "keepalive", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of()); RawH2c h2 = RawH2c.open(f.port())) {
                Map<String, String> request = new LinkedHashMap<>();
                request.put(":method", "POST");
                request.put(":scheme", "http");
                request.put(":path", "/authgateway.user.v1.UserStore/GetUser");
                request.put(":authority", "127.0.0.1:" + f.port());
                request.put("content-type", "application/grpc");
                request.put("te", "trailers");
                request.put("grpc-timeout", "10S");
                h2.headers(1, request, false);
                h2.write(RawH2c.DATA, RawH2c.END_STREAM, 1,
                        grpcMessage(GetUserRequest.newBuilder().setId(FakeUserStore.HOLD).build().toByteArray()));
                assertThat(f.store.entered.await(5, TimeUnit.SECONDS)).as("the call reached the handler").isTrue();
                for (long ping = 1; ping <= 2; ping++) {
                    byte[] payload = ByteBuffer.allocate(8).putLong(0x6b65657061000000L + ping).array();
                    h2.write(RawH2c.PING, 0, 0, payload);
                    RawH2c.Frame frame;
                    do {
                        frame = h2.read();
                        assertNotEnded(frame);
                    } while (!(frame.type() == RawH2c.PING && frame.has(RawH2c.ACK)));
                    assertThat(frame.payload()).as("PING ACK payload").isEqualTo(payload);
                }
                f.store.release.countDown();
                String status = null;
                while (status == null) {
                    RawH2c.Frame frame = h2.read();
                    assertNotEnded(frame);
                    if (frame.type() == RawH2c.HEADERS) {
                        var headers = h2.decode(frame);
                        if (frame.has(RawH2c.END_STREAM)) {
                            status = String.valueOf(headers.get("grpc-status"));
                        }
                    }
                }
                assertThat(status).as("grpc-status of the call in flight during the pings").isEqualTo("0");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void maxConnectionAge(String impl) throws Exception {
        Verdicts.check(SIDE, "max-connection-age", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of(
                    "grpc.max-connection-age", "PT1S", "grpc.max-connection-age-grace", "PT1S"));
                 Client c = Client.plaintext(f.port())) {
                int failures = 0;
                int calls = 0;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                while (System.nanoTime() < end) {
                    calls++;
                    try {
                        c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build());
                    } catch (StatusRuntimeException e) {
                        failures++;
                    }
                    Thread.sleep(20); // pacing, not synchronisation
                }
                assertThat(failures).as("failed calls of %d", calls).isZero();
                assertThat(f.probe.remoteAddresses).as("client addresses the server saw (one per connection)")
                        .doesNotContain("none").hasSizeGreaterThanOrEqualTo(2);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void drain(String impl) throws Exception {
        Verdicts.check(SIDE, "drain", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of("grpc.shutdown-grace-period", "PT5S"));
                 Client c = Client.plaintext(f.port())) {
                var inFlight = UserStoreGrpc.newFutureStub(c.channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .getUser(GetUserRequest.newBuilder().setId(FakeUserStore.HOLD).build());
                assertThat(f.store.entered.await(5, TimeUnit.SECONDS)).as("the call reached the handler").isTrue();
                long closing = System.nanoTime();
                CompletableFuture<Void> closed = CompletableFuture.runAsync(f.service::close);
                // A new call made while draining is refused; one made before close() takes effect may still pass.
                Status.Code refused = null;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (refused == null && System.nanoTime() < until) {
                    try {
                        c.store().withDeadlineAfter(1, TimeUnit.SECONDS)
                                .getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build());
                    } catch (StatusRuntimeException e) {
                        refused = e.getStatus().getCode();
                    }
                }
                assertThat(refused).as("a new call while draining").isEqualTo(Status.Code.UNAVAILABLE);
                assertThat(closed).as("close() waits for the call in flight").isNotDone();
                assertThat(inFlight.isDone()).as("the call in flight is still running").isFalse();
                f.store.release.countDown();
                assertThat(inFlight.get(3, TimeUnit.SECONDS).getUser().getId()).isEqualTo(FakeUserStore.HOLD);
                closed.get(6, TimeUnit.SECONDS);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing))
                        .as("ms for close()").isLessThan(5000 + 1000);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void noBytesInLogs(String impl) throws Exception {
        Verdicts.check(SIDE, "no-bytes-in-logs", impl, () -> {
            String secret = "Sx" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            List<LogRecord> records = new CopyOnWriteArrayList<>();
            Handler handler = LogRecords.collectingInto(records);
            handler.setLevel(Level.ALL);
            Map<Logger, Level> levels = new HashMap<>();
            for (String name : List.of("", "io.grpc", "io.helidon", "io.netty", "io.grpc.netty.shaded")) {
                Logger logger = Logger.getLogger(name);
                levels.put(logger, logger.getLevel());
                logger.setLevel(Level.ALL);
            }
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            try (Fixture f = Fixture.start(impl, Map.of()); Client c = Client.plaintext(f.port())) {
                // 1. The handler throws.
                catchThrowableOfType(StatusRuntimeException.class, () -> c.store().verifyCredentials(
                        VerifyCredentialsRequest.newBuilder().setLogin(secret).setPassword(secret).build()));
                // 2. Too large a message (64 KiB limit).
                catchThrowableOfType(StatusRuntimeException.class, () -> c.store().createUser(
                        CreateUserRequest.newBuilder().setUsername(secret).setPassword(secret.repeat(4000)).build()));
                // 3. A body that is not a VerifyCredentialsRequest: a field claiming more bytes than follow.
                ByteArrayOutputStream malformed = new ByteArrayOutputStream();
                malformed.write(0x12);
                malformed.write(0x7f);
                malformed.writeBytes(secret.getBytes(StandardCharsets.UTF_8));
                catchThrowableOfType(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                        c.channel, rawMethod("authgateway.user.v1.UserStore/VerifyCredentials"),
                        CallOptions.DEFAULT.withDeadlineAfter(3, TimeUnit.SECONDS), malformed.toByteArray()));
                // 4. A response carrying the secret (an OK call), so response bytes are covered too.
                c.store().getUser(GetUserRequest.newBuilder().setId(secret).build());
            } finally {
                root.removeHandler(handler);
                levels.forEach(Logger::setLevel);
            }
            List<String> leaks = new ArrayList<>();
            for (LogRecord record : records) {
                if (isClientSide(record.getLoggerName())) {
                    continue; // the test's own grpc-java client logs its frames at FINE; only the server is judged
                }
                String text = recordText(record);
                String found = leakIn(text, secret);
                if (found != null) {
                    leaks.add(record.getLoggerName() + " " + record.getLevel() + " (" + found + "): "
                            + abbreviate(text));
                }
            }
            assertThat(leaks).as("log records (of %d) with the request's secret", records.size()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void telemetryInterceptor(String impl) throws Exception {
        Verdicts.check(SIDE, "telemetry-interceptor", impl, () -> {
            List<LogRecord> records = new CopyOnWriteArrayList<>();
            Logger access = Logger.getLogger("dev.authgateway.grpc.access");
            Handler handler = LogRecords.collectingInto(records);
            access.addHandler(handler);
            String getUser = "authgateway.user.v1.UserStore/GetUser";
            String verify = "authgateway.user.v1.UserStore/VerifyCredentials";
            double okBefore = count(getUser, "OK");
            double unknownBefore = count(verify, "UNKNOWN");
            try (Fixture f = Fixture.start(impl, Map.of("grpc.access-log", "true"));
                 Client c = Client.plaintext(f.port())) {
                c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build());
                StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> c.store()
                        .verifyCredentials(VerifyCredentialsRequest.newBuilder().setLogin("a").build()));
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
            } finally {
                access.removeHandler(handler);
            }
            List<String> lines = records.stream().map(r -> r.getMessage()).toList();
            assertThat(lines).as("access log").anyMatch(line -> line.startsWith(getUser + " OK "))
                    .anyMatch(line -> line.startsWith(verify + " UNKNOWN "));
            assertThat(count(getUser, "OK") - okBefore).as("grpc.server.calls{GetUser,OK}").isEqualTo(1);
            assertThat(count(verify, "UNKNOWN") - unknownBefore).as("grpc.server.calls{VerifyCredentials,UNKNOWN}")
                    .isEqualTo(1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc-java", "helidon"})
    void messageTooLarge(String impl) throws Exception {
        Verdicts.check(SIDE, "message-too-large", impl, () -> {
            try (Fixture f = Fixture.start(impl, Map.of("grpc.max-message-bytes", String.valueOf(64 * 1024)));
                 Client c = Client.plaintext(f.port())) {
                StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> c.store()
                        .createUser(CreateUserRequest.newBuilder().setUsername("big")
                                .setDisplayName("x".repeat(100 * 1024)).build()));
                assertThat(e).as("a 100 KiB request fails").isNotNull();
                assertThat(e.getStatus().getCode()).as(e.getStatus().toString())
                        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                assertThat(c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build())
                        .getUser().getId()).as("the next call").isEqualTo(FakeUserStore.OK);
                assertThat(f.store.calls.get()).as("calls that reached the service").isEqualTo(1);
            }
        });
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static Map<String, String> mtls() {
        return certs.trusted().server("grpc.tls", "store-service");
    }

    private static void assertRefused(Fixture f, Client c) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> c.store().getUser(GetUserRequest.newBuilder().setId(FakeUserStore.OK).build()));
        assertThat(e).as("the call is refused").isNotNull();
        assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(f.store.calls.get()).as("calls that reached the service").isZero();
    }

    private static void assertNotEnded(RawH2c.Frame frame) {
        assertThat(frame.type()).as("frame type (7 GOAWAY, 3 RST_STREAM), payload %s",
                HexFormat.of().formatHex(frame.payload())).isNotIn(RawH2c.GOAWAY, RawH2c.RST_STREAM);
    }

    private static byte[] grpcMessage(byte[] message) {
        return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
    }

    private static MethodDescriptor<byte[], byte[]> rawMethod(String fullName) {
        MethodDescriptor.Marshaller<byte[]> bytes = new MethodDescriptor.Marshaller<>() {
            @Override
            public java.io.InputStream stream(byte[] value) {
                return new java.io.ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(java.io.InputStream stream) {
                try {
                    return stream.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullName).setRequestMarshaller(bytes).setResponseMarshaller(bytes).build();
    }

    private static double count(String method, String code) {
        return Metrics.globalRegistry().counter("grpc.server.calls",
                        List.of(Tag.create("method", method), Tag.create("code", code)))
                .map(Counter::count).map(Long::doubleValue).orElse(0.0);
    }

    private static boolean isClientSide(String logger) {
        return logger != null && (logger.contains("NettyClientHandler") || logger.contains("ManagedChannel")
                || logger.contains("io.grpc.internal.ClientCall") || logger.contains("DnsNameResolver")
                || logger.contains("io.grpc.ChannelLogger"));
    }

    /** Everything of a record a formatter or appender could print. */
    private static String recordText(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        try {
            text.append('\n').append(new java.util.logging.SimpleFormatter().formatMessage(record));
        } catch (RuntimeException ignored) {
            // a message pattern that does not format is still searched raw
        }
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append('\n').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        return text.toString();
    }

    /**
     * How the secret (or any 8-byte run of it) shows in the text, or null: as text, as hex (either case, with or
     * without separators), or as base64 (standard or URL alphabet, at any of the three alignments).
     */
    static String leakIn(String text, String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        String compactHex = text.replaceAll("[\\s:\\-_.,|]", "").toLowerCase(Locale.ROOT);
        for (int i = 0; i + 8 <= bytes.length; i++) {
            String window = secret.substring(i, i + 8);
            if (text.contains(window)) {
                return "text";
            }
            if (compactHex.contains(HexFormat.of().formatHex(bytes, i, i + 8))) {
                return "hex";
            }
        }
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted);
                String middle = encoded.substring(4, encoded.length() - 4);
                if (text.contains(middle)) {
                    return "base64";
                }
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** One server: the project's wiring with {@link FakeUserStore} and {@link ProbeInterceptor}. */
    private record Fixture(RunningService service, FakeUserStore store, ProbeInterceptor probe, AtomicBoolean ready)
            implements AutoCloseable {

        static Fixture start(String impl, Map<String, String> extra) {
            Map<String, String> config = new HashMap<>(Map.of(
                    "server.host", "127.0.0.1", "server.port", "0",
                    "grpc.host", "127.0.0.1", "grpc.port", "0",
                    "grpc.implementation", impl,
                    "grpc.shutdown-grace-period", "PT2S"));
            config.putAll(extra);
            FakeUserStore store = new FakeUserStore();
            ProbeInterceptor probe = new ProbeInterceptor();
            AtomicBoolean ready = new AtomicBoolean(true);
            RunningService service = GrpcServiceServer.builder()
                    .service(store)
                    .intercept(probe)
                    .readiness(HealthChecks.readiness("dependency", ready::get))
                    .start(GrpcTestConfig.with(config), List.of());
            return new Fixture(service, store, probe, ready);
        }

        int port() {
            return service.grpcPort();
        }

        @Override
        public void close() {
            store.release.countDown();
            store.cancelled.countDown();
            service.close();
        }
    }

    /** A known-good client: grpc-java over Netty, every call with a deadline. */
    private record Client(ManagedChannel channel) implements AutoCloseable {

        static Client plaintext(int port) {
            return new Client(NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build());
        }

        static Client tls(int port, Path cert, Path key) throws Exception {
            SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(certs.trusted().ca().toFile());
            if (cert != null) {
                ssl.keyManager(cert.toFile(), key.toFile());
            }
            return new Client(NettyChannelBuilder.forAddress("127.0.0.1", port).sslContext(ssl.build()).build());
        }

        UserStoreGrpc.UserStoreBlockingStub store() {
            return UserStoreGrpc.newBlockingStub(channel).withDeadlineAfter(CALL.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
