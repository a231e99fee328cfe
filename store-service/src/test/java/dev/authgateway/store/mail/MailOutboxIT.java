package dev.authgateway.store.mail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import dev.authgateway.proto.user.v1.CreateUserRequest;
import dev.authgateway.proto.user.v1.UserStoreGrpc;
import dev.authgateway.store.Main;
import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.MailKind;
import dev.authgateway.store.domain.MailLimit;
import dev.authgateway.store.domain.MailTransport;
import dev.authgateway.store.domain.OutboxRelay;
import dev.authgateway.store.mybatis.Database;
import dev.authgateway.store.mybatis.MyBatisUserRepository;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.server.RunningService;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.TestDatabase;
import dev.authgateway.testing.TestMail;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The outbox against real PostgreSQL and a real SMTP server (GreenMail): a message is committed with the change that
 * causes it or not at all, survives an SMTP outage and a sender's death, goes out once per claim across senders, and
 * is given up after the configured attempts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MailOutboxIT {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(10));
    private static final MailLimit NO_LIMIT = new MailLimit(1000, 1000, Duration.ofHours(1));

    private TestDatabase database;
    private HikariDataSource dataSource;
    private MyBatisUserRepository repository;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void database() {
        database = TestDatabase.create();
        dataSource = Database.open(ApplicationYaml.with(database.config()).get("app.db"));
        repository = MyBatisUserRepository.on(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
        dataSource.close();
        database.close();
    }

    @Test
    void givenASignupCommittedWhileSmtpIsDown_thenAFreshStoreSendsItOnceSmtpIsBack() throws Exception {
        int smtpPort = FreePort.next();
        RunningService first = startStore(smtpPort, Map.of());
        String email = "down" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        createUser(first, email);
        awaitRow(email, "attempts >= 1 AND last_error IS NOT NULL");
        first.close();
        opened.remove(first);
        Map<String, Object> afterOutage = row(email);
        assertThat(afterOutage.get("sent_at")).isNull();
        assertThat((String) afterOutage.get("last_error")).as("the error's class, no server text")
                .contains("MailConnectException").doesNotContain(" ");

        TestMail mail = open(TestMail.startOn(smtpPort));
        startStore(smtpPort, Map.of());

        TestMail.Mail received = mail.await(email, 1, Duration.ofSeconds(20)).getFirst();
        assertThat(received.subject()).isEqualTo("Confirm your email address");
        assertThat(received.token()).isPresent();
        Map<String, Object> sent = awaitRow(email, "sent_at IS NOT NULL");
        assertThat(sent.get("text_body")).as("the link's token is not kept once sent").isNull();
        assertThat(sent.get("html_body")).isNull();
    }

    @Test
    void givenASenderThatDiesWhileSending_thenAnotherSendsTheMessageAfterTheLease() throws Exception {
        TestMail mail = open(TestMail.start());
        String email = enqueue("lease");
        CountDownLatch sending = new CountDownLatch(1);
        MailTransport hangs = message -> {
            sending.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // the process is gone: nothing after send() runs, so the row is neither marked sent nor rescheduled
            throw new IllegalStateException("killed");
        };
        ExecutorService dying = Executors.newSingleThreadExecutor();
        OutboxRelay.Policy policy = new OutboxRelay.Policy(10, 5, Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofSeconds(2));
        dying.submit(() -> new OutboxRelay(repository.mailOutbox(), hangs, policy, Clock.systemUTC()).deliverDue());
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
        // the sender's process dies here: nothing after send() runs, the row keeps its lease
        dying.shutdownNow();

        OutboxRelay fresh = new OutboxRelay(repository.mailOutbox(), smtp(mail.port()), policy, Clock.systemUTC());
        assertThat(fresh.deliverDue()).as("still leased to the dead sender").isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (fresh.deliverDue() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        assertThat(mail.await(email, 1, Duration.ofSeconds(5))).hasSize(1);
        assertThat(row(email)).containsEntry("attempts", 2);
    }

    @Test
    void givenTheOutboxWriteFails_thenTheSignupIsNotCommittedEither() throws Exception {
        TestMail mail = open(TestMail.start());
        RunningService store = startStore(mail.port(), Map.of());
        sql("CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$");
        sql("CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION refuse_mail()");
        String email = "atomic" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> createUser(store, email));

        assertThat(refused).isNotNull();
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();
        assertThat(count("SELECT count(*) FROM account_tokens")).isZero();
        sql("DROP TRIGGER refuse_mail ON mail_outbox");
        createUser(store, email);
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isOne();
        assertThat(mail.await(email, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @Test
    void givenASignupRefusedAsADuplicate_thenNoMessageIsWritten() throws Exception {
        TestMail mail = open(TestMail.start());
        RunningService store = startStore(mail.port(), Map.of("app.mail.sender.enabled", "false"));
        String email = "dup" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        createUser(store, email);

        assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> createUser(store, email))).isNotNull();

        assertThat(count("SELECT count(*) FROM mail_outbox")).isOne();
    }

    @Test
    void givenTwoSendersDrainingOneOutbox_thenEveryMessageGoesExactlyOnce() throws Exception {
        TestMail mail = open(TestMail.start());
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            emails.add(enqueue("pair" + i));
        }
        OutboxRelay.Policy policy = new OutboxRelay.Policy(3, 5, Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMinutes(1));
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Future<Integer>> rounds = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            OutboxRelay relay = new OutboxRelay(repository.mailOutbox(), smtp(mail.port()), policy, Clock.systemUTC());
            rounds.add(senders.submit(() -> {
                int claimed = 0;
                for (int n = relay.deliverDue(); n > 0; n = relay.deliverDue()) {
                    claimed += n;
                }
                return claimed;
            }));
        }
        int claimed = 0;
        for (Future<Integer> round : rounds) {
            claimed += round.get(60, TimeUnit.SECONDS);
        }
        senders.shutdown();

        assertThat(claimed).isEqualTo(40);
        assertThat(mail.received()).isEqualTo(40);
        for (String email : emails) {
            assertThat(mail.to(email)).as(email).hasSize(1);
        }
    }

    @Test
    void givenSmtpThatKeepsRefusing_thenTheMessageIsRetriedWithBackoffAndGivenUpAfterMaxAttempts() throws Exception {
        String email = enqueue("refused");
        int closedPort = FreePort.next();
        OutboxRelay relay = new OutboxRelay(repository.mailOutbox(), smtp(closedPort),
                new OutboxRelay.Policy(10, 3, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1)),
                Clock.systemUTC());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (row(email).get("failed_at") == null && System.nanoTime() < deadline) {
            relay.deliverDue();
            Thread.sleep(50);
        }

        Map<String, Object> given = row(email);
        assertThat(given.get("failed_at")).isNotNull();
        assertThat(given).containsEntry("attempts", 3);
        assertThat(given.get("sent_at")).isNull();
        assertThat(given.get("text_body")).isNull();
        assertThat((String) given.get("last_error")).contains("MailConnectException");
        assertThat(relay.deliverDue()).as("never claimed again").isZero();
    }

    private String enqueue(String name) {
        String email = name + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        repository.accountMail().enqueue(Optional.empty(),
                new ComposedMail(MailKind.PASSWORD_RESET_UNKNOWN, email, "subject", "text", "<p>html</p>"),
                email, Optional.empty(), NO_LIMIT, Instant.now());
        return email;
    }

    private static MailTransport smtp(int port) {
        Map<String, String> config = new HashMap<>(TestMail.config(port));
        return new SmtpMailTransport(MailSettings.from(ApplicationYaml.with(config).get("app.mail")));
    }

    private RunningService startStore(int smtpPort, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(database.config());
        config.putAll(TestMail.config(smtpPort));
        config.putAll(extra);
        RunningService service = Main.start(ApplicationYaml.with(FreePort.pickedOnBind(config)));
        opened.add(service);
        return service;
    }

    private void createUser(RunningService store, String email) {
        ManagedChannel channel = GrpcChannels.open(Config.just(ConfigSources.create(Map.of(
                "implementation", "grpc-java", "host", "127.0.0.1", "port", String.valueOf(store.grpcPort()),
                "load-balancing", "pick_first", "keepalive", "PT30S"))));
        try {
            String name = "u" + UUID.randomUUID().toString().substring(0, 8);
            DEADLINE.on(UserStoreGrpc.newBlockingStub(channel)).createUser(CreateUserRequest.newBuilder()
                    .setUsername(name).setEmail(email).setPassword("correct horse battery staple")
                    .setDisplayName("Ada").build());
        } finally {
            GrpcChannels.close(channel);
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    private Map<String, Object> awaitRow(String email, String condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (count("SELECT count(*) FROM mail_outbox WHERE recipient = '" + email + "' AND " + condition) > 0) {
                return row(email);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no outbox row to " + email + " with " + condition + ": " + row(email));
    }

    private Map<String, Object> row(String email) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT attempts, sent_at, failed_at, last_error, text_body, "
                     + "html_body FROM mail_outbox WHERE recipient = '" + email + "'")) {
            Map<String, Object> row = new HashMap<>();
            if (rows.next()) {
                for (String column : List.of("attempts", "sent_at", "failed_at", "last_error", "text_body",
                        "html_body")) {
                    row.put(column, rows.getObject(column));
                }
            }
            return row;
        }
    }

    private long count(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = connect(); Statement run = connection.createStatement()) {
            run.execute(statement);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
