package dev.authgateway.support.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import dev.authgateway.support.testing.RawHttp;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** max-tcp-connections: a bound on every listener that fits the open-file limit, so a flood cannot deafen one. */
class ConnectionBoundTest {

    private static final String GET = "GET /a HTTP/1.1\r\nHost: t\r\n\r\n";

    @Test
    void givenTheListenerAtItsBound_thenTheNextConnectionWaitsAndIsServedOnceOneCloses() throws Exception {
        WebServer server = start("2");
        List<RawHttp> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                RawHttp connection = RawHttp.connect(server.port(), 5_000);
                assertThat(connection.send(GET).read().status()).isEqualTo(200);
                held.add(connection);
            }
            try (RawHttp waiting = RawHttp.connect(server.port(), 700)) {
                waiting.send(GET);
                assertThat(waiting.closedByServer()).as("not accepted while two are held").isFalse();

                held.removeFirst().close();

                RawHttp.Response served = waiting.read();
                assertThat(served).as("accepted once one closed").isNotNull();
                assertThat(served.status()).isEqualTo(200);
                assertThat(server.isRunning()).isTrue();
            }
        } finally {
            for (RawHttp connection : held) {
                connection.close();
            }
            server.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0"})
    void givenNoBound_thenStartUpFails(String bound) {
        assertThatThrownBy(() -> start(bound))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max-tcp-connections");
    }

    @Test
    void givenBoundsBeyondTheOpenFileLimit_thenStartUpFailsSayingWhatToRaise() {
        var budget = new FileDescriptorBudget(OptionalLong.of(5_000));

        budget.check(5_000 - FileDescriptorBudget.RESERVED);
        assertThatThrownBy(() -> budget.check(5_000 - FileDescriptorBudget.RESERVED + 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ulimit -n");
    }

    @Test
    void givenNoBoundConfigured_thenTheDefaultHolds() {
        WebServer server = HttpServers.builder(Config.just(ConfigSources.create(Map.of(
                "server.host", "127.0.0.1", "server.port", "0", "server.max-payload-size", "1024"))).get("server"),
                HttpRouting.builder()).build();

        assertThat(server.prototype().maxTcpConnections()).isEqualTo(HttpServers.DEFAULT_MAX_CONNECTIONS);
    }

    private static WebServer start(String bound) {
        Config config = Config.just(ConfigSources.create(Map.of("server.host", "127.0.0.1", "server.port", "0",
                "server.max-payload-size", "1024", "server.max-tcp-connections", bound)));
        return HttpServers.builder(config.get("server"), HttpRouting.builder()
                .get("/a", (request, response) -> response.send("route-a"))).build().start();
    }
}
