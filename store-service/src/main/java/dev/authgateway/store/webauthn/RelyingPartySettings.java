package dev.authgateway.store.webauthn;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * The relying party, from {@code app.passkeys}: the RP id (the registrable domain passkeys are bound to), the name
 * authenticators show, and the exact origins (scheme, host and port) whose pages may use them, comma-separated.
 */
public record RelyingPartySettings(String rpId, String rpName, Set<String> origins) {

    public RelyingPartySettings {
        if (rpId.isBlank()) {
            throw new IllegalStateException("app.passkeys.rp-id must not be empty");
        }
        if (origins.isEmpty()) {
            throw new IllegalStateException("app.passkeys.origins must list at least one origin");
        }
        origins = Set.copyOf(origins);
    }

    public static RelyingPartySettings from(Config passkeys) {
        Set<String> origins = new LinkedHashSet<>();
        Arrays.stream(Required.string(passkeys.get("origins")).split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).forEach(origins::add);
        return new RelyingPartySettings(Required.string(passkeys.get("rp-id")),
                Required.string(passkeys.get("rp-name")), origins);
    }
}
