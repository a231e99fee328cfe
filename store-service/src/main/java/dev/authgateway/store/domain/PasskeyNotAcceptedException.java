package dev.authgateway.store.domain;

/**
 * An assertion that does not verify: unknown or removed credential, bad signature, wrong origin or RP id, no user
 * verification, or a signature counter that did not go forward (a cloned authenticator, or a replay). One answer for
 * all; the message, which says which, stays in the store.
 */
public final class PasskeyNotAcceptedException extends RuntimeException {

    public PasskeyNotAcceptedException(String reason) {
        super(reason, null, false, false);
    }
}
