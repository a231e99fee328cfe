package dev.authgateway.gateway;

import java.time.Duration;

import dev.authgateway.gateway.graphql.RefreshCookie;
import dev.authgateway.gateway.grpcclient.GrpcUserDirectory;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.gateway.ratelimit.AttemptPolicy;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.config.Required;
import io.helidon.config.Config;
import io.helidon.faulttolerance.CircuitBreaker;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key the gateway's settings read is in its application.yaml: a missing one would fail start-up. */
class ApplicationYamlTest {

    private final Config root = ApplicationYaml.alone();

    @Test
    void givenApplicationYamlAlone_thenEverySettingsRecordBuilds() {
        Config app = root.get("app");
        GatewaySettings settings = GatewaySettings.from(app);
        JwtSettings jwt = JwtSettings.from(app.get("jwt"));
        AttemptPolicy.from(app.get("attempt-limits"));
        CorsPolicy.from(app.get("cors"), false);
        assertThat(GrpcUserDirectory.cacheReadBreaker(app.get("cache.breaker")).state())
                .isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(RefreshCookie.from(app).enabled()).as("the refresh cookie is opt-in").isFalse();
        GraphiqlPage.register(HttpRouting.builder(), app.get("graphiql"));

        assertThat(Required.longValue(root.get("server.max-payload-size"))).isPositive();
        assertThat(jwt.issuer()).isNotBlank();
        assertThat(settings.store().port()).isEqualTo(9091);
    }

    @Test
    void givenApplicationYamlAlone_thenTheCacheDeadlineIsTheDocumentedOneSecond_andTheHedge150Milliseconds() {
        GatewaySettings settings = GatewaySettings.from(root.get("app"));
        assertThat(settings.cacheDeadline().timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.cacheHedgeAfter()).isEqualTo(Duration.ofMillis(150));
    }
}
