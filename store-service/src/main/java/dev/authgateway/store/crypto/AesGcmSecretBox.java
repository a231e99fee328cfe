package dev.authgateway.store.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import dev.authgateway.store.domain.SecondFactorsNotConfiguredException;
import dev.authgateway.store.domain.SecretBox;

/**
 * AES-256-GCM with a fresh 96-bit nonce per seal, stored before the ciphertext and its 128-bit tag. The key id and
 * the context (the owner's id) are the associated data: an altered ciphertext, a secret copied to another user's
 * row or relabelled with another key id fails to open. Several keys may be configured so they can rotate: the
 * active one seals, every one opens what it sealed ({@link SecretKeyRing}).
 */
public final class AesGcmSecretBox implements SecretBox {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    public AesGcmSecretBox(SecretKeyRing ring) {
        this.keys = ring.keys();
        this.activeKeyId = ring.activeKeyId();
    }

    @Override
    public Sealed seal(byte[] secret, String context) {
        SecretKey key = keys.get(activeKeyId);
        if (key == null) {
            throw new SecondFactorsNotConfiguredException(
                    "no key for second-factor secrets: set app.second-factor.encryption.keys");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, activeKeyId, context);
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(secret.length));
            cipher.doFinal(secret, 0, secret.length, sealed, NONCE_BYTES);
            return new Sealed(activeKeyId, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Override
    public byte[] open(Sealed sealed, String context) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new SecondFactorsNotConfiguredException("second-factor key '" + sealed.keyId()
                    + "' is not in app.second-factor.encryption.keys");
        }
        byte[] bytes = sealed.ciphertext();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecondFactorsNotConfiguredException("a sealed second-factor secret is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), sealed.keyId(), context);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecondFactorsNotConfiguredException("a sealed second-factor secret failed authentication "
                    + "(altered, moved to another user, or sealed by another key with this id)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Override
    public String activeKeyId() {
        return activeKeyId;
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((keyId + "\n" + context).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
