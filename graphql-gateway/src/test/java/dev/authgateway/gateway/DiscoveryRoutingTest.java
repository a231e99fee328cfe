package dev.authgateway.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.AuditEvents;
import dev.authgateway.gateway.domain.SessionRevocations;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.gateway.jwt.SigningKey;
import dev.authgateway.support.config.ApplicationYaml;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The RFC 8414 discovery document as {@link Main#routing} serves it beside the JWKS. */
@ServerTest
class DiscoveryRoutingTest {

    private static final SigningKey KEY = SigningKey.generate();

    private final Http1Client client;

    DiscoveryRoutingTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        FakeTokens tokens = new FakeTokens();
        Accounts accounts = new Accounts(new FakeDirectory(), tokens, new FakeAttemptLimits(), AuditEvents.NONE,
                SessionRevocations.NONE, Clock.systemUTC());
        JwtSettings jwt = new JwtSettings("https://api.example.com", "authgateway-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30), 4096, KEY, List.of(KEY));
        Main.routing(routing, accounts, tokens, jwt,
                ApplicationYaml.with(Map.of("app.public-base-url", "https://api.example.com/")).get("app"));
    }

    @Test
    void givenAPublicBaseUrl_thenTheMetadataNamesTheIssuerTheJwksAndES256() throws Exception {
        try (Http1ClientResponse response = client.get("/.well-known/oauth-authorization-server").request()) {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.headers().get(HeaderNames.CONTENT_TYPE).get()).isEqualTo("application/json");
            assertThat(response.headers().get(HeaderNames.CACHE_CONTROL).get()).isEqualTo("public, max-age=300");
            JsonNode metadata = new ObjectMapper().readTree(response.as(String.class));
            assertThat(metadata.path("issuer").asText()).isEqualTo("https://api.example.com");
            assertThat(metadata.path("jwks_uri").asText()).isEqualTo("https://api.example.com/.well-known/jwks.json");
            assertThat(metadata.path("access_token_signing_alg_values_supported").toString()).isEqualTo("[\"ES256\"]");
            assertThat(metadata.path("grant_types_supported").toString()).isEqualTo("[]");
            assertThat(metadata.has("token_endpoint")).isFalse();
        }
    }

    @Test
    void givenTheMetadataRoute_thenTheJwksBesideItStillAnswers() {
        try (Http1ClientResponse response = client.get("/.well-known/jwks.json").request()) {
            assertThat(response.status().code()).isEqualTo(200);
            assertThat(response.as(String.class)).contains(KEY.keyId());
        }
    }

    @Test
    void givenNoOpenIdProvider_thenNoOpenIdConfiguration() {
        try (Http1ClientResponse response = client.get("/.well-known/openid-configuration").request()) {
            assertThat(response.status().code()).isEqualTo(404);
        }
    }
}
