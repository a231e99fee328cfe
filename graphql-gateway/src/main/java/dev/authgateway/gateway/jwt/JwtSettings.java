package dev.authgateway.gateway.jwt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/** Token settings and keys from {@code app.jwt}. */
public record JwtSettings(String issuer, String audience, Duration ttl, Duration clockSkew, int maxTokenLength,
                          SigningKey activeKey, List<SigningKey> verificationKeys) {

    private static final Logger LOG = Logger.getLogger(JwtSettings.class.getName());

    public JwtSettings {
        verificationKeys = List.copyOf(verificationKeys);
        if (maxTokenLength <= 0) {
            throw new IllegalArgumentException("app.jwt.max-token-length must be positive, not " + maxTokenLength);
        }
        if (!verificationKeys.contains(activeKey)) {
            throw new IllegalArgumentException("The active key must be among the verification keys");
        }
    }

    /**
     * Keys from {@code app.jwt.keys} (a list of {@code file} and optional {@code key-id}, signing with
     * {@code active-key-id}, default the first), or the single {@code private-key-file}, or an ephemeral dev key.
     * Every listed key verifies tokens, so a key can be added before it signs and kept until its tokens expire.
     */
    public static JwtSettings from(Config jwt) {
        List<SigningKey> keys = keys(jwt);
        String activeId = jwt.get("active-key-id").asString().filter(id -> !id.isBlank())
                .orElse(keys.getFirst().keyId());
        SigningKey active = keys.stream().filter(key -> key.keyId().equals(activeId)).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "app.jwt.active-key-id '" + activeId + "' is not among app.jwt.keys"));
        return new JwtSettings(
                Required.string(jwt.get("issuer")),
                Required.string(jwt.get("audience")),
                Required.duration(jwt.get("ttl")),
                Required.duration(jwt.get("clock-skew")),
                Required.integer(jwt.get("max-token-length")),
                active,
                keys);
    }

    private static List<SigningKey> keys(Config jwt) {
        List<Config> listed = jwt.get("keys").asNodeList().orElse(List.of());
        if (!listed.isEmpty()) {
            List<SigningKey> keys = listed.stream().map(node -> SigningKeyFile.read(
                    Path.of(node.get("file").asString().orElseThrow(() -> new IllegalStateException(
                            "Missing required config: " + node.key() + ".file"))),
                    node.get("key-id").asString().orElse(null))).toList();
            if (keys.stream().map(SigningKey::keyId).distinct().count() != keys.size()) {
                throw new IllegalStateException("app.jwt.keys has two keys with the same key-id");
            }
            return keys;
        }
        String file = Required.string(jwt.get("private-key-file"));
        String keyId = Required.string(jwt.get("key-id"));
        return List.of(file.isBlank() ? ephemeralDevKey()
                : SigningKeyFile.read(Path.of(file), keyId.isBlank() ? null : keyId));
    }

    private static SigningKey ephemeralDevKey() {
        SigningKey key = SigningKey.generate();
        LOG.warning("No app.jwt.private-key-file configured: signing with an ephemeral dev key (kid=" + key.keyId()
                + "). Tokens die with this process and other gateway replicas will not accept them.");
        return key;
    }
}
