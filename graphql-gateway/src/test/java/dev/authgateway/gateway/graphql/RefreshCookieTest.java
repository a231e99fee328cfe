package dev.authgateway.gateway.graphql;

import java.util.Map;

import dev.authgateway.support.config.ApplicationYaml;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshCookieTest {

    private final RefreshCookie cookie = RefreshCookie.from(ApplicationYaml.with(Map.of(
            "app.sessions.refresh-cookie.enabled", "true",
            "app.cors.allowed-origins", "http://localhost:5173, https://App.Example.com:443",
            "app.public-base-url", "https://api.example.com/")).get("app"));

    @Test
    void givenAToken_thenTheCookieIsHttpOnlySecureStrictOnGraphqlForItsLifetime() {
        assertThat(cookie.issue("r3fresh", 3600)).isEqualTo(
                "authgw_refresh=r3fresh; Max-Age=3600; Path=/graphql; HttpOnly; Secure; SameSite=Strict");
    }

    @Test
    void givenLogout_thenTheClearingCookieHasMaxAgeZeroAndTheSameScope() {
        assertThat(cookie.clear()).isEqualTo(
                "authgw_refresh=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict");
    }

    @Test
    void givenACookieHeader_thenOnlyTheRefreshCookiesValueIsRead() {
        assertThat(RefreshCookie.read("theme=dark; authgw_refresh=abc-123_x; other=1")).contains("abc-123_x");
        assertThat(RefreshCookie.read("authgw_refresh_old=zzz; theme=dark")).isEmpty();
        assertThat(RefreshCookie.read("authgw_refresh=")).isEmpty();
        assertThat(RefreshCookie.read(null)).isEmpty();
    }

    @Test
    void givenAnOrigin_thenOnlyTheAllowedOnesAndTheGatewaysOwnAreTrusted() {
        assertThat(cookie.trusts("http://localhost:5173")).isTrue();
        assertThat(cookie.trusts("https://app.example.com")).as("default port dropped, case folded").isTrue();
        assertThat(cookie.trusts("https://api.example.com")).as("app.public-base-url").isTrue();
        assertThat(cookie.trusts("http://localhost:5174")).isFalse();
        assertThat(cookie.trusts("https://evil.example")).isFalse();
        assertThat(cookie.trusts("null")).as("sandboxed or opaque origins").isFalse();
        assertThat(cookie.trusts(null)).as("no Origin header").isFalse();
    }
}
