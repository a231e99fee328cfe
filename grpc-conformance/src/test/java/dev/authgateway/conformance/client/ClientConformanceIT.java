package dev.authgateway.conformance.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.authgateway.conformance.TestCertificates;
import dev.authgateway.conformance.Verdicts;
import dev.authgateway.proto.user.v1.GetUserRequest;
import dev.authgateway.proto.user.v1.GetUserResponse;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.proto.user.v1.VerifyCredentialsRequest;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.grpc.GrpcHealth;
import dev.authgateway.support.grpc.GrpcTls;
import dev.authgateway.support.observe.Telemetry;
import dev.authgateway.support.testing.GrpcTestConfig;
import dev.authgateway.support.testing.LogRecords;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client side of the conformance suite: every case runs against the channel {@link GrpcChannels#open} gives for
 * {@code implementation} {@code grpc-java} and {@code helidon}, talking to a known-good grpc-java server
 * ({@link FakeStoreServer}) over real sockets. Outcomes are checked against {@code conformance/client.tsv}.
 *
 * <p>{@code keepalive} is the one long case (about 11 s): grpc-java will not ping more often than every 10 s, so the
 * channel gets {@code keepalive: PT10S} and {@code keepalive-timeout: PT1S} (shorter is allowed, down to 10 ms, but
 * on a shared two-core machine a late ping answer would then fail the case for the wrong reason), a call is held
 * open by the server, and a proxy between them starts swallowing bytes without closing anything. The call must fail
 * with UNAVAILABLE about 11 s later, well before its 25 s deadline.
 */
class ClientConformanceIT {

    private static final String SIDE = "client";
    private static final Path HOSTS = Path.of(System.getProperty("jdk.net.hosts.file", "target/it-hosts"));
    private static final String NAME = "store.conformance.internal";
    private static final String GET_USER = "authgateway.user.v1.UserStore/GetUser";

    @TempDir
    static Path temp;
    private static TestCertificates certificates;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeAll
    static void telemetry() {
        // Spans with trace ids, so GrpcClientTelemetry has a traceparent to send.
        Telemetry.start("grpc-conformance");
    }

    @AfterEach
    void close() throws Exception {
        channels.forEach(GrpcChannels::close);
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
        executor.shutdownNow();
        Files.deleteIfExists(HOSTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void statusDetails(String implementation) throws Exception {
        Verdicts.check(SIDE, "status-details", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());

            StatusRuntimeException failure = failure(() -> stub(channel, 5_000).getUser(id("details")));

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(failure.getStatus().getDescription()).isEqualTo("login has hidden characters");
            assertThat(StatusProto.fromThrowable(failure)).isEqualTo(FakeStoreServer.DETAILS);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void deadlineSent(String implementation) throws Exception {
        Verdicts.check(SIDE, "deadline-sent", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());

            new CallDeadline(Duration.ofSeconds(3)).on(UserStoreGrpc.newBlockingStub(channel)).getUser(id("ok"));

            Deadline seen = server.lastDeadline.get();
            assertThat(seen).as("the deadline the server saw").isNotNull();
            assertThat(seen.timeRemaining(TimeUnit.MILLISECONDS)).isBetween(1_500L, 3_000L);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void deadlineEnforced(String implementation) throws Exception {
        Verdicts.check(SIDE, "deadline-enforced", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());
            long started = System.nanoTime();

            StatusRuntimeException failure = failure(() -> stub(channel, 500).getUser(id("hold:4000")));

            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
            assertThat(elapsed).as("ms until the call failed (deadline 500 ms, server holds 4 s)").isLessThan(2_000);
            assertThat(server.cancelled.await(3, TimeUnit.SECONDS)).as("server saw the cancellation").isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void metadata(String implementation) throws Exception {
        Verdicts.check(SIDE, "metadata", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());
            Metadata.Key<String> requestId = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
            Metadata.Key<byte[]> probe = Metadata.Key.of("x-probe-bin", Metadata.BINARY_BYTE_MARSHALLER);
            byte[] probeValue = new byte[256];
            for (int i = 0; i < probeValue.length; i++) {
                probeValue[i] = (byte) (255 - i);
            }
            Metadata sent = new Metadata();
            sent.put(requestId, "req-0c4e1d");
            sent.put(probe, probeValue);
            AtomicReference<Metadata> headers = new AtomicReference<>();
            AtomicReference<Metadata> trailers = new AtomicReference<>();
            Channel intercepted = ClientInterceptors.intercept(channel,
                    MetadataUtils.newCaptureMetadataInterceptor(headers, trailers),
                    MetadataUtils.newAttachHeadersInterceptor(sent));
            Span parent = Telemetry.tracer().spanBuilder("conformance-metadata").startSpan();
            try (Scope ignored = parent.makeCurrent()) {
                stub(intercepted, 5_000).getUser(id("ok"));
            } finally {
                parent.end();
            }

            Metadata received = server.lastHeaders.get();
            assertThat(received.get(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER)))
                    .as("traceparent").matches("00-" + parent.getSpanContext().getTraceId() + "-[0-9a-f]{16}-[0-9a-f]{2}");
            assertThat(received.get(requestId)).isEqualTo("req-0c4e1d");
            assertThat(received.get(probe)).as("x-probe-bin").isEqualTo(probeValue);
            assertThat(headers.get()).as("response headers").isNotNull();
            assertThat(headers.get().get(FakeStoreServer.REPLY_ID)).isEqualTo(FakeStoreServer.REPLY_ID_VALUE);
            assertThat(headers.get().get(FakeStoreServer.REPLY_BIN)).isEqualTo(FakeStoreServer.REPLY_BIN_VALUE);
            assertThat(trailers.get()).as("trailers").isNotNull();
            assertThat(trailers.get().get(FakeStoreServer.TRAILER_ID)).isEqualTo(FakeStoreServer.TRAILER_ID_VALUE);
            assertThat(trailers.get().get(FakeStoreServer.TRAILER_BIN)).isEqualTo(FakeStoreServer.TRAILER_BIN_VALUE);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void mtlsPresentsCertificate(String implementation) throws Exception {
        Verdicts.check(SIDE, "mtls-presents-certificate", implementation, () -> {
            TestCertificates certs = certificates();
            FakeStoreServer server = server(FakeStoreServer.Options.plain().tls(serverTls(
                    certs.trusted().cert("store-service"), certs.trusted().key("store-service"),
                    certs.trusted().ca())));
            ManagedChannel channel = open(implementation, server.port(), clientTls(certs.trusted().ca(), true));

            GetUserResponse reply = stub(channel, 5_000).getUser(id("ok"));

            assertThat(reply.getUser().getId()).isEqualTo("ok");
            assertThat(server.peerSubject.get()).as("client certificate seen by the server").contains("graphql-gateway");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void mtlsRefusesForeignServer(String implementation) throws Exception {
        Verdicts.check(SIDE, "mtls-refuses-foreign-server", implementation, () -> {
            TestCertificates certs = certificates();
            FakeStoreServer server = server(FakeStoreServer.Options.plain().tls(serverTls(
                    certs.foreign().cert("store-service"), certs.foreign().key("store-service"), null)));
            ManagedChannel channel = open(implementation, server.port(), clientTls(certs.trusted().ca(), true));

            assertRefusedBeforeTheService(channel, server);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void mtlsRefusesPlaintextServer(String implementation) throws Exception {
        Verdicts.check(SIDE, "mtls-refuses-plaintext-server", implementation, () -> {
            TestCertificates certs = certificates();
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), clientTls(certs.trusted().ca(), true));

            assertRefusedBeforeTheService(channel, server);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void mtlsMissingCertificateRefused(String implementation) throws Exception {
        Verdicts.check(SIDE, "mtls-missing-certificate-refused", implementation, () -> {
            TestCertificates certs = certificates();
            FakeStoreServer server = server(FakeStoreServer.Options.plain().tls(serverTls(
                    certs.trusted().cert("store-service"), certs.trusted().key("store-service"),
                    certs.trusted().ca())));
            ManagedChannel channel = open(implementation, server.port(), clientTls(certs.trusted().ca(), false));

            assertRefusedBeforeTheService(channel, server);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void health(String implementation) throws Exception {
        Verdicts.check(SIDE, "health", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());
            String service = UserStoreGrpc.SERVICE_NAME;
            CallDeadline deadline = new CallDeadline(Duration.ofSeconds(5));
            HealthCheckRequest request = HealthCheckRequest.newBuilder().setService(service).build();

            server.health.setStatus(service, ServingStatus.SERVING);
            assertThat(deadline.on(HealthGrpc.newBlockingStub(channel)).check(request).getStatus())
                    .isEqualTo(ServingStatus.SERVING);
            assertThat(GrpcHealth.serving(channel, deadline)).as("GrpcHealth on the whole server").isTrue();

            server.health.setStatus(service, ServingStatus.NOT_SERVING);
            assertThat(deadline.on(HealthGrpc.newBlockingStub(channel)).check(request).getStatus())
                    .isEqualTo(ServingStatus.NOT_SERVING);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void keepalive(String implementation) throws Exception {
        Verdicts.check(SIDE, "keepalive", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            BlackHoleProxy proxy = new BlackHoleProxy(server.port());
            resources.add(proxy);
            ManagedChannel channel = open(implementation, proxy.port(),
                    Map.of("keepalive", "PT10S", "keepalive-timeout", "PT1S"));
            stub(channel, 5_000).getUser(id("ok"));
            Future<GetUserResponse> held = executor.submit(() -> stub(channel, 25_000).getUser(id("hold:25000")));
            assertThat(server.holding.await(5, TimeUnit.SECONDS)).as("the long call reached the server").isTrue();

            proxy.blackHole();
            long blackHoled = System.nanoTime();
            StatusRuntimeException failure = failure(() -> held.get(20, TimeUnit.SECONDS));

            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blackHoled);
            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(elapsed).as("ms from black hole to failure (keepalive 10 s + timeout 1 s)").isLessThan(15_000);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void roundRobinOverDns(String implementation) throws Exception {
        Verdicts.check(SIDE, "round-robin-over-dns", implementation, () -> {
            FakeStoreServer first = server(FakeStoreServer.Options.plain());
            FakeStoreServer second = server(FakeStoreServer.Options.plain().on("127.0.0.2", first.port()));
            resolveTo("127.0.0.1", "127.0.0.2");
            ManagedChannel channel = open(implementation, first.port(), Map.of("host", NAME));

            callUntil(channel, 5_000, () -> first.calls.get() > 0 && second.calls.get() > 0);
            first.calls.set(0);
            second.calls.set(0);
            for (int i = 0; i < 20; i++) {
                stub(channel, 2_000).getUser(id("ok"));
            }

            assertThat(first.calls.get()).as("calls to 127.0.0.1").isGreaterThanOrEqualTo(5);
            assertThat(second.calls.get()).as("calls to 127.0.0.2").isGreaterThanOrEqualTo(5);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void maxConnectionAge(String implementation) throws Exception {
        Verdicts.check(SIDE, "max-connection-age", implementation, () -> {
            FakeStoreServer.Options aged = FakeStoreServer.Options.plain().maxConnectionAge(1_000);
            FakeStoreServer first = server(aged);
            server(aged.on("127.0.0.2", first.port()));
            resolveTo("127.0.0.1", "127.0.0.2");
            ManagedChannel channel = open(implementation, first.port(), Map.of("host", NAME));
            FakeStoreServer added = null;
            List<String> failures = new ArrayList<>();
            long started = System.nanoTime();
            long elapsed;
            while ((elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)) < 4_000) {
                if (added == null && elapsed >= 1_000) {
                    added = server(aged.on("127.0.0.3", first.port()));
                    resolveTo("127.0.0.1", "127.0.0.2", "127.0.0.3");
                }
                try {
                    stub(channel, 2_000).getUser(id("ok"));
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                Thread.sleep(10);
            }

            assertThat(failures).as("calls failed across GOAWAYs").isEmpty();
            assertThat(added.calls.get()).as("calls to the address added to DNS meanwhile").isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void drain(String implementation) throws Exception {
        Verdicts.check(SIDE, "drain", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());
            Future<GetUserResponse> inFlight = executor.submit(() -> stub(channel, 10_000).getUser(id("hold:8000")));
            assertThat(server.holding.await(5, TimeUnit.SECONDS)).as("the call reached the server").isTrue();

            long closing = System.nanoTime();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> GrpcChannels.close(channel), executor);
            awaitCondition(channel::isShutdown, 2_000);
            StatusRuntimeException refused = refusedWithin(2_000, () -> stub(channel, 2_000).getUser(id("ok")));
            server.release.countDown();

            assertThat(refused.getStatus().getCode()).as("a new call on the closed handle")
                    .isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(inFlight.get(5, TimeUnit.SECONDS).getUser().getId()).as("the call in flight").isEqualTo("hold:8000");
            closed.get(6, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing)).isLessThan(6_000);
            assertThat(channel.isTerminated()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void noBytesInLogs(String implementation) throws Exception {
        Verdicts.check(SIDE, "no-bytes-in-logs", implementation, () -> {
            String secret = SecretScan.newSecret();
            List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
            Handler handler = LogRecords.collectingInto(records);
            handler.setLevel(Level.ALL);
            List<Logger> loggers = new ArrayList<>();
            Map<Logger, Level> levels = new HashMap<>();
            for (String name : List.of("", "io.grpc", "io.helidon", "io.netty", "io.grpc.netty.shaded")) {
                Logger logger = Logger.getLogger(name);
                loggers.add(logger);
                levels.put(logger, logger.getLevel());
                logger.setLevel(Level.ALL);
            }
            Logger root = Logger.getLogger("");
            root.addHandler(handler);
            try {
                FakeStoreServer server = server(FakeStoreServer.Options.plain());
                ManagedChannel channel = open(implementation, server.port(), Map.of());
                UserStoreGrpc.UserStoreBlockingStub stub = UserStoreGrpc.newBlockingStub(channel);
                for (String login : List.of("fail", "large", "hold")) {
                    try {
                        bounded(5_000, () -> stub.withDeadlineAfter(login.equals("hold") ? 300 : 5_000,
                                        TimeUnit.MILLISECONDS)
                                .verifyCredentials(VerifyCredentialsRequest.newBuilder()
                                        .setLogin(login).setPassword(secret).build()));
                    } catch (RuntimeException | AssertionError expected) {
                        // each fails (or, on an implementation that ignores deadlines, never ends); only the logs matter
                    }
                }
                GrpcChannels.close(channel);
            } finally {
                root.removeHandler(handler);
                levels.forEach(Logger::setLevel);
            }

            List<String> leaks;
            synchronized (records) {
                leaks = SecretScan.leaks(records, secret);
            }
            assertThat(leaks).as("log records (of " + records.size() + ") carrying the secret").isEmpty();
            java.lang.ref.Reference.reachabilityFence(loggers);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void telemetryInterceptor(String implementation) throws Exception {
        Verdicts.check(SIDE, "telemetry-interceptor", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());
            double ok = calls("OK");
            double invalid = calls("INVALID_ARGUMENT");

            stub(channel, 5_000).getUser(id("ok"));
            failure(() -> stub(channel, 5_000).getUser(id("details")));

            assertThat(calls("OK") - ok).as("grpc_client_calls_total{method=GetUser,code=OK}").isEqualTo(1);
            assertThat(calls("INVALID_ARGUMENT") - invalid)
                    .as("grpc_client_calls_total{method=GetUser,code=INVALID_ARGUMENT}").isEqualTo(1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {GrpcChannels.GRPC_JAVA, GrpcChannels.HELIDON})
    void messageTooLarge(String implementation) throws Exception {
        Verdicts.check(SIDE, "message-too-large", implementation, () -> {
            FakeStoreServer server = server(FakeStoreServer.Options.plain());
            ManagedChannel channel = open(implementation, server.port(), Map.of());

            StatusRuntimeException failure = failure(() -> bounded(10_000,
                    () -> stub(channel, 5_000).getUser(id("large:" + 5 * 1024 * 1024))));

            assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(stub(channel, 5_000).getUser(id("ok")).getUser().getId()).isEqualTo("ok");
        });
    }

    // --- helpers

    private static double calls(String code) {
        return Metrics.globalRegistry().counter("grpc.client.calls",
                        List.of(Tag.create("method", GET_USER), Tag.create("code", code)))
                .map(Counter::count).map(Long::doubleValue).orElse(0.0);
    }

    private FakeStoreServer server(FakeStoreServer.Options options) throws IOException {
        FakeStoreServer server = FakeStoreServer.start(options);
        resources.add(server);
        return server;
    }

    private ManagedChannel open(String implementation, int port, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "implementation", implementation, "host", "127.0.0.1", "port", String.valueOf(port)));
        config.putAll(extra);
        config.remove("port");
        ManagedChannel channel = GrpcChannels.open(GrpcTestConfig.channel(port, config));
        channels.add(channel);
        return channel;
    }

    private static UserStoreGrpc.UserStoreBlockingStub stub(Channel channel, long deadlineMillis) {
        return new CallDeadline(Duration.ofMillis(deadlineMillis)).on(UserStoreGrpc.newBlockingStub(channel));
    }

    private static GetUserRequest id(String id) {
        return GetUserRequest.newBuilder().setId(id).build();
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    /** The StatusRuntimeException a call ends with; anything else (success, another exception) fails the case. */
    private static StatusRuntimeException failure(Call call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                return status;
            }
            throw new AssertionError("expected a gRPC status, got " + e.getCause(), e.getCause());
        } catch (Exception | Error e) {
            throw new AssertionError("expected a gRPC status, got " + e, e);
        }
        throw new AssertionError("expected the call to fail, it succeeded");
    }

    /**
     * The call's result within {@code millis}, for calls an implementation may never end (Helidon ignores deadlines);
     * an exception of the call is rethrown as it is.
     */
    private <T> T bounded(long millis, java.util.concurrent.Callable<T> call) throws Exception {
        Future<T> result = executor.submit(call);
        try {
            return result.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("the call did not end within " + millis + " ms (its deadline was ignored)");
        }
    }

    private static void callUntil(ManagedChannel channel, long millis, BooleanSupplier done) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            stub(channel, 2_000).getUser(id("ok"));
        }
    }

    /**
     * The first failure of a call repeated until it fails. grpc-java marks a channel shut down at once but stops
     * taking calls a moment later, on its own executor (a call made in between still reaches the server), so a
     * refusal is awaited rather than expected from the very next call.
     */
    private static StatusRuntimeException refusedWithin(long millis, Call call) throws Exception {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            try {
                call.run();
            } catch (StatusRuntimeException e) {
                return e;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("calls were still taken " + millis + " ms after shutdown");
            }
            Thread.sleep(5);
        }
    }

    private static void awaitCondition(BooleanSupplier condition, long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(5);
        }
    }

    private static void resolveTo(String... addresses) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String address : addresses) {
            lines.append(address).append(' ').append(NAME).append('\n');
        }
        Files.createDirectories(HOSTS.toAbsolutePath().getParent());
        Path written = Files.writeString(HOSTS.resolveSibling(HOSTS.getFileName() + ".new"), lines);
        Files.move(written, HOSTS, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static synchronized TestCertificates certificates() throws Exception {
        if (certificates == null) {
            certificates = TestCertificates.make(temp);
        }
        return certificates;
    }

    private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext serverTls(Path cert, Path key, Path ca) {
        Map<String, String> tls = new HashMap<>(Map.of(
                "tls.enabled", "true", "tls.cert", cert.toString(), "tls.key", key.toString()));
        Optional.ofNullable(ca).ifPresent(path -> tls.put("tls.ca", path.toString()));
        return GrpcTls.server(Config.just(ConfigSources.create(tls)).get("tls")).orElseThrow();
    }

    private Map<String, String> clientTls(Path ca, boolean withCertificate) throws Exception {
        Map<String, String> tls = new HashMap<>(Map.of("tls.enabled", "true", "tls.ca", ca.toString()));
        if (withCertificate) {
            tls.put("tls.cert", certificates().trusted().cert("graphql-gateway").toString());
            tls.put("tls.key", certificates().trusted().key("graphql-gateway").toString());
        }
        return tls;
    }

    /** The call fails as UNAVAILABLE (what callers retry and map), and nothing of it reached the service. */
    private static void assertRefusedBeforeTheService(ManagedChannel channel, FakeStoreServer server) {
        StatusRuntimeException failure = failure(() -> stub(channel, 5_000).getUser(id("ok")));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(server.calls.get()).as("calls that reached the service").isZero();
    }
}
