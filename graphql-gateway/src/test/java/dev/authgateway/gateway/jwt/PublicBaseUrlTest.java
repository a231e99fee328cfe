package dev.authgateway.gateway.jwt;

import java.util.Map;

import dev.authgateway.support.config.ApplicationYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicBaseUrlTest {

    @Test
    void givenTheShippedYaml_thenNoBaseUrlAndSoNoDiscoveryDocument() {
        assertThat(PublicBaseUrl.from(ApplicationYaml.alone().get("app.public-base-url"))).isEmpty();
    }

    @Test
    void givenATrailingSlash_thenUrlsAreJoinedWithOneSlash() {
        PublicBaseUrl base = PublicBaseUrl.from(ApplicationYaml.with(
                Map.of("app.public-base-url", "https://api.example.com/auth/")).get("app.public-base-url")).orElseThrow();

        assertThat(base.resolve("/.well-known/jwks.json")).isEqualTo("https://api.example.com/auth/.well-known/jwks.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.example.com", "ftp://api.example.com", "https://", "https://a@api.example.com",
            "https://api.example.com/?x=1", "https://api.example.com/#top", "https://api example.com"})
    void givenNotAnHttpUrlWithoutQueryOrFragment_thenStartUpFailsNamingTheKey(String value) {
        assertThatThrownBy(() -> new PublicBaseUrl(value)).hasMessageContaining("app.public-base-url");
    }
}
