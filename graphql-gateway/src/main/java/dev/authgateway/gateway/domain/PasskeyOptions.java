package dev.authgateway.gateway.domain;

import java.time.Instant;

/**
 * What starting a passkey ceremony answers: the options as WebAuthn's JSON, for the browser's
 * navigator.credentials.create/get, and for a login the opaque request id its finish takes back (null for a registration).
 */
public record PasskeyOptions(String requestId, String optionsJson, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasskeyOptions[expiresAt=" + expiresAt + "]";
    }
}
