package dev.authgateway.gateway.jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;

import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.pki.PkiException;

/**
 * A P-256 signing key from one PEM file holding a PKCS#8 {@code PRIVATE KEY} block and its {@code PUBLIC KEY} block,
 * as {@code ops/stack} writes it; Helidon's {@link Keys} reads the blocks, this class checks they are an ES256 pair.
 * <pre>
 * openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem
 * openssl pkey -in key.pem -pubout >> key.pem
 * </pre>
 */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    static SigningKey read(Path file, String configuredKeyId) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Cannot read the JWT signing key file " + file);
        }
        Keys keys;
        try {
            keys = Keys.builder()
                    .pem(pem -> pem.key(Resource.create(file)).publicKey(Resource.create(file)))
                    .build();
        } catch (PkiException e) {
            throw new IllegalStateException(file + " must hold a PKCS#8 'PRIVATE KEY' block and its 'PUBLIC KEY' block "
                    + "(openssl pkey -in key.pem -pubout >> key.pem adds the latter): " + e.getMessage());
        }
        if (!(keys.privateKey().orElse(null) instanceof ECPrivateKey privateKey)
                || !(keys.publicKey().orElse(null) instanceof ECPublicKey publicKey)) {
            throw new IllegalStateException(file + " does not hold an EC P-256 key pair");
        }
        if (privateKey.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalStateException(file + " is not a P-256 key (ES256 needs P-256)");
        }
        String keyId = configuredKeyId == null || configuredKeyId.isBlank()
                ? SigningKey.thumbprint(publicKey) : configuredKeyId;
        return new SigningKey(keyId, privateKey, publicKey);
    }
}
