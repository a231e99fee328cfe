package dev.authgateway.support.observe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.authgateway.support.testing.LogRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedLogTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private RateLimitedLog log;

    @BeforeEach
    void captureALoggerOfItsOwn() {
        Logger logger = Logger.getLogger(RateLimitedLogTest.class.getName() + "." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(LogRecords.collectingInto(records));
        log = new RateLimitedLog(logger, 3, now::get);
    }

    @Test
    void givenMoreFaultsInAMinuteThanTheBudget_thenOnlyTheBudgetHasStackTracesAndOneLineSaysSuppressing() {
        for (int i = 0; i < 100; i++) {
            log.fault("field", "Unexpected failure " + i, new IllegalStateException("boom"));
        }

        assertThat(records).hasSize(4);
        assertThat(records.subList(0, 3)).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isInstanceOf(IllegalStateException.class);
        });
        assertThat(records.get(3).getThrown()).isNull();
        assertThat(records.get(3).getMessage()).contains("[field]").contains("suppressing");
    }

    @Test
    void givenTheNextMinute_thenSuppressedKSimilarAndANewBudget() {
        for (int i = 0; i < 10; i++) {
            log.fault("field", "Unexpected failure", new IllegalStateException("boom"));
        }
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        records.clear();

        log.fault("field", "Unexpected failure again", new IllegalStateException("boom"));

        assertThat(records).extracting(LogRecord::getMessage)
                .containsExactly("suppressed 7 similar [field] in the last minute", "Unexpected failure again");
        assertThat(records.get(1).getThrown()).isNotNull();
    }

    @Test
    void givenEventsOfDifferentKinds_thenEachHasItsOwnBudget() {
        for (int i = 0; i < 10; i++) {
            log.client("bad body", "the body could not be read");
            log.client("bad query", "the query string is not valid");
        }

        assertThat(records).filteredOn(record -> record.getMessage().equals("the body could not be read")).hasSize(3);
        assertThat(records).filteredOn(record -> record.getMessage().equals("the query string is not valid")).hasSize(3);
    }

    @Test
    void givenAClientMessageWithLineBreaksAndControlCharacters_thenOneLineWithoutAStackTrace() {
        log.client("bad path", "GET /a\r\n2026-11-29 SEVERE forged line\u0000\u001b[31m\u202e\u2028end");

        LogRecord record = records.getFirst();
        assertThat(record.getLevel()).isEqualTo(Level.INFO);
        assertThat(record.getThrown()).isNull();
        assertThat(record.getMessage()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000")
                .doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\u2028")
                .contains("\\u000d\\u000a2026-11-29 SEVERE forged line").endsWith("end");
    }

    @Test
    void givenAHugeMessage_thenItIsCapped() {
        log.client("huge", "x".repeat(100_000));

        assertThat(records.getFirst().getMessage()).hasSizeLessThanOrEqualTo(RateLimitedLog.MAX_MESSAGE_CHARS + 8)
                .endsWith("...");
    }

    @Test
    void givenADependencyFailure_thenOneWarningLineNamingTheRootCauseAndNoStackTrace() {
        log.dependency("store unavailable", "user store unavailable",
                new IllegalStateException("pool", new IOException("Connection refused\nat somewhere")));

        LogRecord record = records.getFirst();
        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
        assertThat(record.getThrown()).isNull();
        assertThat(record.getMessage())
                .isEqualTo("user store unavailable: java.io.IOException: Connection refused\\u000aat somewhere");
    }

    @Test
    void givenEndlesslyManyEventNames_thenPastTheCapTheyShareOneBudget() {
        for (int i = 0; i < 2_000; i++) {
            log.client("event " + i, "line " + i);
        }

        assertThat(records).hasSizeLessThan(256 + 3 + 1 + 1);
    }

    @Test
    void givenALibraryLoggerThatWarnsForEveryCancelledStream_thenItsBudgetPassesAndTheRestIsDropped() {
        String name = "library.NettyServerHandler." + System.nanoTime();
        Logger library = Logger.getLogger(name);
        library.setUseParentHandlers(false);
        library.addHandler(LogRecords.collectingInto(records));
        Logger summaries = Logger.getLogger(RateLimitedLog.class.getName());
        List<LogRecord> summaryRecords = new CopyOnWriteArrayList<>();
        var summaryHandler = LogRecords.collectingInto(summaryRecords);
        summaries.addHandler(summaryHandler);
        try {
            RateLimitedLog.limitLibraryLogger(name);
            for (int i = 0; i < 1_000; i++) {
                library.log(Level.WARNING, "Stream Error", new IllegalStateException("stream closed"));
            }
            library.info("an informational line is never limited");
        } finally {
            summaries.removeHandler(summaryHandler);
        }

        assertThat(records).hasSize(RateLimitedLog.DEFAULT_LINES_PER_MINUTE + 1);
        assertThat(records.getFirst().getThrown()).isInstanceOf(IllegalStateException.class);
        assertThat(summaryRecords).extracting(LogRecord::getMessage).singleElement().asString()
                .contains(name + ": Stream Error").contains("suppressing");
    }
}
