package dev.authgateway.store.domain;

/**
 * Seals second-factor secrets for storage (authenticated encryption) and opens them again. {@code context} is bound
 * to the ciphertext: a sealed secret opens only with the same context (the owner's id).
 */
public interface SecretBox {

    /** SecondFactorsNotConfiguredException when no key is configured. */
    Sealed seal(byte[] secret, String context);

    /** SecretUnreadableException when the key is not configured or the ciphertext or context was altered. */
    byte[] open(Sealed sealed, String context);

    /** The key that seals new secrets; a secret sealed by another is sealed again when next used. */
    String activeKeyId();

    record Sealed(String keyId, byte[] ciphertext) {
        @Override
        public String toString() {
            return "Sealed[key=" + keyId + "]";
        }
    }
}
