package dev.authgateway.gateway.domain;

import java.util.List;

/**
 * Users' passkeys and the relying party that verifies them, wherever they are kept. Failures are
 * {@link GatewayException}s: a response that is not a credential, or a registration that does not verify,
 * BAD_USER_INPUT (field "response"); a registration finished with none pending CONFLICT; a credential already
 * registered CONFLICT; a login request unknown, expired or used UNAUTHENTICATED; an assertion that does not verify
 * INVALID_CREDENTIALS.
 */
public interface PasskeyDirectory {

    PasskeyOptions startRegistration(String userId);

    Passkey finishRegistration(String userId, String responseJson, String name);

    List<Passkey> list(String userId);

    /** Whether the user had a passkey with this id (another user's is not touched: the same false). */
    boolean remove(String userId, String passkeyId);

    /** Options for a login; {@code login} null or blank: for any discoverable credential. */
    PasskeyOptions startLogin(String login);

    /** Spends the request; the user whose passkey signed, and which passkey. */
    PasskeyLogin finishLogin(String requestId, String responseJson);

    record PasskeyLogin(String userId, String passkeyId) {
    }

    /** No passkeys anywhere: lists are empty, anything else is UNAVAILABLE. */
    PasskeyDirectory NONE = new PasskeyDirectory() {
        @Override
        public PasskeyOptions startRegistration(String userId) {
            throw unavailable();
        }

        @Override
        public Passkey finishRegistration(String userId, String responseJson, String name) {
            throw unavailable();
        }

        @Override
        public List<Passkey> list(String userId) {
            return List.of();
        }

        @Override
        public boolean remove(String userId, String passkeyId) {
            throw unavailable();
        }

        @Override
        public PasskeyOptions startLogin(String login) {
            throw unavailable();
        }

        @Override
        public PasskeyLogin finishLogin(String requestId, String responseJson) {
            throw unavailable();
        }

        private GatewayException unavailable() {
            return new GatewayException(ErrorCode.UNAVAILABLE, "passkeys are not available");
        }
    };
}
