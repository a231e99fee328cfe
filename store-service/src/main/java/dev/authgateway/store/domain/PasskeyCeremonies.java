package dev.authgateway.store.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The relying party's side of WebAuthn's two ceremonies: options for the browser, and verification of its answer
 * against the options kept since. JSON is WebAuthn's JSON form (binary values base64url). A response that is not
 * JSON of the ceremony's kind raises {@link InvalidInputException} naming "response".
 */
public interface PasskeyCeremonies {

    /** Creation options for a new discoverable credential of the user, user verification required. */
    Started startRegistration(User user);

    /** The challenge a registration response answers (its client data's), to find the registration it belongs to. */
    byte[] registrationChallenge(String responseJson);

    /** Verifies the response to the kept registration; a response that does not verify is InvalidInputException. */
    NewCredential finishRegistration(String requestJson, String responseJson);

    /** Request options listing the user's credentials, or (empty) for any discoverable one; user verification required. */
    Started startLogin(Optional<UUID> userId);

    /** Verifies the assertion for the kept request; one that does not verify is PasskeyNotAcceptedException. */
    Asserted finishLogin(String requestJson, String responseJson);

    /** What the browser gets ({@code optionsJson}) and what is kept until the answer comes ({@code requestJson}). */
    record Started(String optionsJson, String requestJson, byte[] challenge) {
    }

    record NewCredential(byte[] credentialId, byte[] userHandle, byte[] publicKeyCose, long signatureCount,
                         List<String> transports) {
    }

    /** A verified assertion: the credential, its owner, and the signature counter the authenticator reported. */
    record Asserted(byte[] credentialId, UUID userId, long signatureCount) {
    }
}
