package dev.authgateway.systemtest.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authgateway.support.testing.RawHttp;
import dev.authgateway.systemtest.harness.Jcmd;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway process's HTTP edge over raw sockets: a body limit that holds in every framing with the heap as
 * witness, RFC 9112 framing (no request smuggling), chunk extensions, HEAD.
 */
@ExtendWith(StackExtension.class)
class HttpEdgeIT {

    private static final long MIB = 1024 * 1024;
    private static final String QUERY = "{\"query\":\"{ __typename }\"}";

    @Test
    void givenOneChunkHeaderOf200MiBOr400MiB_then413AndTheHeapDoesNotGrowWhateverIsSent(Stack stack) throws Exception {
        for (String size : List.of("c800000", "19000000")) {
            try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 10_000)) {
                RawHttp.Response response = http.send(chunkedPost() + size + "\r\n").read();

                assertThat(response.status()).as(size).isEqualTo(413);
                assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
                assertThat(http.closedByServer()).isTrue();
            }

            long before = heapUsedAfterGc(stack.gatewayPid());
            try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 10_000)) {
                http.send(chunkedPost() + size + "\r\n");
                sendUpTo(http, 48 * MIB, Duration.ofSeconds(30));

                long during = heapUsedAfterGc(stack.gatewayPid());

                assertThat(during - before).as("heap growth with a %s chunk header and 48 MiB sent, in bytes", size)
                        .isLessThan(8 * MIB);
                RawHttp.Response response = http.read();
                if (response != null) {
                    assertThat(response.status()).isEqualTo(413);
                }
                assertThat(http.closedByServer()).as("the connection after the refusal").isTrue();
            }
        }
        assertThat(stack.graphql().raw(stack.graphql().request("/graphql/schema.graphql").GET()).status())
                .as("the gateway still answers").isEqualTo(200);
    }

    @Test
    void givenAContentLengthOver64KiB_then413TypedBeforeTheBodyIsRead(Stack stack) throws Exception {
        try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 10_000)) {
            RawHttp.Response response = http.send("POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 65537\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void givenContentLengthAndTransferEncoding_then400ClosedAndThePipelinedRequestIsNotAnswered(Stack stack)
            throws Exception {
        String smuggled = "GET /graphql/schema.graphql HTTP/1.1\r\nHost: t\r\n\r\n";
        for (String framing : List.of("Content-Length: 6\r\nTransfer-Encoding: chunked",
                "Transfer-Encoding: chunked\r\nContent-Length: 6",
                "Content-Length: 0\r\nTransfer-Encoding: gzip, chunked")) {
            try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 5_000)) {
                http.send("POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n" + framing
                        + "\r\n\r\n0\r\n\r\n" + smuggled);

                RawHttp.Response response = http.read();

                assertThat(response.status()).as(framing).isIn(400, 501);
                assertThat(response.closesConnection()).as(framing).isTrue();
                assertThat(http.rest()).as(framing).doesNotContain("HTTP/1.1").doesNotContain("type Query");
            }
        }
    }

    @Test
    void givenTwoContentLengths_then400ClosedAndThePipelinedRequestIsNotAnswered(Stack stack) throws Exception {
        try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 5_000)) {
            http.send("POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: "
                    + QUERY.length() + "\r\nContent-Length: 0\r\n\r\n" + QUERY
                    + "GET /graphql/schema.graphql HTTP/1.1\r\nHost: t\r\n\r\n");

            RawHttp.Response response = http.read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
            assertThat(http.rest()).doesNotContain("HTTP/1.1").doesNotContain("type Query");
        }
    }

    @Test
    void givenChunkExtensions_thenTheQueryRunsNot500(Stack stack) throws Exception {
        byte[] body = QUERY.getBytes(StandardCharsets.US_ASCII);
        String first = new String(body, 0, 10, StandardCharsets.US_ASCII);
        String rest = new String(body, 10, body.length - 10, StandardCharsets.US_ASCII);
        try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 5_000)) {
            RawHttp.Response response = http.send(chunkedPost() + "a;ext=1\r\n" + first + "\r\n"
                    + Integer.toHexString(rest.length()) + ";name=\"a value\";flag\r\n" + rest + "\r\n0\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).contains("\"__typename\":\"Query\"");
        }
    }

    @Test
    void givenHeadOnEveryRoute_thenNoBodyAndTheNextResponseOnTheConnectionIsIntact(Stack stack) throws Exception {
        for (String path : List.of("/graphql", "/graphql/schema.graphql", "/.well-known/jwks.json", "/observe/metrics",
                "/nowhere", "/graphql/..;/x")) {
            try (RawHttp http = RawHttp.connect(stack.gatewayPort(), 5_000)) {
                http.send("HEAD " + path + " HTTP/1.1\r\nHost: t\r\n\r\n"
                        + "GET /graphql/schema.graphql HTTP/1.1\r\nHost: t\r\n\r\n");

                RawHttp.Response head = http.read(true);
                RawHttp.Response next = http.read();

                assertThat(head).as(path).isNotNull();
                assertThat(next).as("the response after HEAD %s", path).isNotNull();
                assertThat(next.status()).as(path).isEqualTo(200);
                assertThat(next.body()).as(path).contains("type Query");
            }
        }
    }

    private static String chunkedPost() {
        return "POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
    }

    /**
     * Sends up to this many bytes of chunk data, stopping when the server has closed the connection; a server that
     * neither reads nor closes would block the writes, so they run on their own thread with a time limit.
     */
    private static void sendUpTo(RawHttp http, long bytes, Duration limit) throws Exception {
        Thread sender = Thread.ofVirtual().start(() -> {
            byte[] piece = new byte[64 * 1024];
            for (long sent = 0; sent < bytes; sent += piece.length) {
                try {
                    http.send(piece);
                } catch (IOException closed) {
                    return;
                }
            }
        });
        if (!sender.join(limit)) {
            http.close();
            sender.join(Duration.ofSeconds(5));
        }
    }

    /** The process's used heap right after a full collection, from jcmd (what a person would look at). */
    private static long heapUsedAfterGc(long pid) throws Exception {
        Jcmd.run(pid, "GC.run");
        String info = Jcmd.run(pid, "GC.heap_info");
        Matcher used = Pattern.compile(" used (\\d+)K").matcher(info);
        assertThat(used.find()).as("jcmd GC.heap_info output:\n%s", info).isTrue();
        return Long.parseLong(used.group(1)) * 1024;
    }
}
