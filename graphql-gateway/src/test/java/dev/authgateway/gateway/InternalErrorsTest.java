package dev.authgateway.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.authgateway.support.testing.LogRecords;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A defect repeated by a stream of requests: every answer a bare INTERNAL, the log a bounded number of stack traces. */
class InternalErrorsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(InternalErrors.class.getName());
    private final Handler capture = LogRecords.collectingInto(records);
    private WebServer server;

    /** Its own class, so earlier failures of other classes in this JVM do not share its budget. */
    private static final class Defect extends RuntimeException {
        Defect() {
            super("a defect with\nmore lines", null, false, true);
        }
    }

    @BeforeEach
    void start() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(routing -> routing.get("/fails", (request, response) -> {
                    throw new Defect();
                }).error(Throwable.class, new InternalErrors()))
                .build()
                .start();
        // after the start: Helidon configures logging on first use, which removes handlers added before
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        server.stop();
        logger.removeHandler(capture);
    }

    @Test
    void givenTheSameDefectFiftyTimes_thenFiftyInternalAnswersButAtMostTenStackTracesAndOneSuppressingLine()
            throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/fails")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("\"INTERNAL\"").doesNotContain("defect");
        }

        List<LogRecord> ours = records.stream()
                .filter(record -> record.getThrown() instanceof Defect || record.getMessage().contains("Defect"))
                .toList();
        assertThat(ours).filteredOn(record -> record.getThrown() != null).hasSize(10);
        assertThat(ours).filteredOn(record -> record.getThrown() == null).singleElement()
                .satisfies(record -> assertThat(record.getMessage()).contains("suppressing"));
    }
}
