package dev.authgateway.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import dev.authgateway.support.config.ApplicationYaml;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSettingsTest {

    @TempDir
    Path directory;

    @Test
    void givenTwoKeys_thenBothVerifyAndTheActiveOneSigns() throws Exception {
        JwtSettings settings = JwtSettings.from(config(Map.of(
                "keys.0.file", pem("old").toString(), "keys.0.key-id", "old",
                "keys.1.file", pem("new").toString(), "keys.1.key-id", "new",
                "active-key-id", "new")));

        assertThat(settings.activeKey().keyId()).isEqualTo("new");
        assertThat(settings.verificationKeys()).extracting(SigningKey::keyId).containsExactly("old", "new");
    }

    @Test
    void givenAnActiveKeyIdThatIsNotListed_thenStartUpFailsNamingIt() throws Exception {
        assertThatThrownBy(() -> JwtSettings.from(config(Map.of(
                "keys.0.file", pem("old").toString(), "keys.0.key-id", "old", "active-key-id", "typo"))))
                .hasMessageContaining("typo");
    }

    @Test
    void givenNoKeyAtAll_thenAnEphemeralKeyThatSignsAndVerifies() {
        JwtSettings settings = JwtSettings.from(config(Map.of()));

        assertThat(settings.verificationKeys()).containsExactly(settings.activeKey());
    }

    @Test
    void givenAMaxTokenLength_thenItIsRead_andANonPositiveOneFailsStartUpNamingTheKey() {
        assertThat(JwtSettings.from(config(Map.of())).maxTokenLength()).isEqualTo(4096);
        assertThat(JwtSettings.from(config(Map.of("max-token-length", "8192"))).maxTokenLength()).isEqualTo(8192);
        assertThatThrownBy(() -> JwtSettings.from(config(Map.of("max-token-length", "0"))))
                .hasMessageContaining("app.jwt.max-token-length");
    }

    /** The shipped app.jwt with {@code values} (keys under it) over it. */
    private static Config config(Map<String, String> values) {
        Map<String, String> overrides = new java.util.HashMap<>();
        values.forEach((key, value) -> overrides.put("app.jwt." + key, value));
        return ApplicationYaml.with(overrides).get("app.jwt");
    }

    private Path pem(String name) throws Exception {
        SigningKey key = SigningKey.generate();
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        Path file = directory.resolve(name + ".pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + base64.encodeToString(key.publicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        return file;
    }
}
