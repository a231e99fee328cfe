package dev.authgateway.store.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * The keys of {@code app.second-factor.encryption}: {@code keys} is {@code id:base64[,id:base64...]}, each a
 * 256-bit AES key ({@code openssl rand -base64 32}); {@code active-key-id} names the one that seals (empty: the
 * first). No keys: enrolment answers INTERNAL and says why in the log. Key bytes are never printed.
 */
public record SecretKeyRing(Map<String, SecretKey> keys, String activeKeyId) {

    private static final int KEY_BYTES = 32;

    public static SecretKeyRing from(Config encryption) {
        return parse(Required.string(encryption.get("keys")), Required.string(encryption.get("active-key-id")));
    }

    public static SecretKeyRing parse(String keyList, String activeKeyId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "app.second-factor.encryption.keys: each entry is id:base64-of-32-bytes");
            }
            String id = entry.substring(0, colon).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("app.second-factor.encryption.keys: key '" + id
                        + "' is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("app.second-factor.encryption.keys: key '" + id + "' has "
                        + key.length + " bytes, AES-256 needs " + KEY_BYTES);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("app.second-factor.encryption.keys: key id '" + id + "' twice");
            }
        }
        String active = activeKeyId.isBlank() ? keys.keySet().stream().findFirst().orElse("") : activeKeyId.strip();
        if (!keys.isEmpty() && !keys.containsKey(active)) {
            throw new IllegalArgumentException("app.second-factor.encryption.active-key-id '" + active
                    + "' is not in app.second-factor.encryption.keys");
        }
        return new SecretKeyRing(Map.copyOf(keys), active);
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    @Override
    public String toString() {
        return "SecretKeyRing[ids=" + keys.keySet() + ", active=" + activeKeyId + "]";
    }
}
