package dev.authgateway.gateway.jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import io.helidon.config.Config;

/** Token settings and keys from {@code app.jwt}. */
public record JwtSettings(String issuer, String audience, Duration ttl, Duration clockSkew,
                          SigningKey activeKey, List<SigningKey> verificationKeys) {

    private static final Logger LOG = Logger.getLogger(JwtSettings.class.getName());

    public JwtSettings {
        verificationKeys = List.copyOf(verificationKeys);
        if (!verificationKeys.contains(activeKey)) {
            throw new IllegalArgumentException("The active key must be among the verification keys");
        }
    }

    public static JwtSettings from(Config jwt) {
        SigningKey key = jwt.get("private-key-file").asString().filter(path -> !path.isBlank())
                .map(path -> PemKeys.read(Path.of(path), jwt.get("key-id").asString().orElse(null)))
                .orElseGet(JwtSettings::ephemeralDevKey);
        return new JwtSettings(
                jwt.get("issuer").asString().orElse("authgateway"),
                jwt.get("audience").asString().orElse("authgateway-api"),
                jwt.get("ttl").as(Duration.class).orElse(Duration.ofMinutes(15)),
                jwt.get("clock-skew").as(Duration.class).orElse(Duration.ofSeconds(30)),
                key,
                List.of(key));
    }

    private static SigningKey ephemeralDevKey() {
        SigningKey key = SigningKey.generate();
        LOG.warning("No app.jwt.private-key-file configured: signing with an ephemeral dev key (kid=" + key.keyId()
                + "). Tokens die with this process and other gateway replicas will not accept them.");
        return key;
    }
}
