package dev.authgateway.store.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OtpauthUriTest {

    @Test
    void givenRfc4648Vectors_thenBase32WithoutPadding() {
        assertThat(Base32.encode("".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.encode("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
        assertThat(Base32.encode("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void givenAnIssuerAndLabelWithReservedCharacters_thenEachPartIsPercentEncoded() {
        String uri = OtpauthUri.of("Acme Co & Sons", "ada:lovelace?x=1",
                "12345678901234567890".getBytes(StandardCharsets.US_ASCII));

        assertThat(uri).isEqualTo("otpauth://totp/Acme%20Co%20%26%20Sons:ada%3Alovelace%3Fx%3D1"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme%20Co%20%26%20Sons"
                + "&algorithm=SHA1&digits=6&period=30");
        assertThat(java.net.URI.create(uri).getScheme()).isEqualTo("otpauth");
    }

    @Test
    void givenNonAsciiNames_thenUtf8PercentEncoded() {
        assertThat(OtpauthUri.of("zoë", "ada", new byte[] {0}))
                .startsWith("otpauth://totp/zo%C3%AB:ada?secret=AA&issuer=zo%C3%AB&");
    }
}
