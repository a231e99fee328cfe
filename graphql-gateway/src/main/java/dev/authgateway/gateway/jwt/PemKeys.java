package dev.authgateway.gateway.jwt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a P-256 signing key from one PEM file holding a PKCS#8 {@code PRIVATE KEY} block and its
 * {@code PUBLIC KEY} block, as {@code ops/stack} writes it:
 * <pre>
 * openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem
 * openssl pkey -in key.pem -pubout >> key.pem
 * </pre>
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {
    }

    static SigningKey read(Path file, String configuredKeyId) {
        String pem;
        try {
            pem = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the JWT signing key file " + file + ": " + e.getMessage());
        }
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> throw new IllegalStateException(file + ": unexpected PEM block " + block.group(1)
                        + "; expected a PKCS#8 PRIVATE KEY and a PUBLIC KEY");
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalStateException(file + " must hold a PKCS#8 'PRIVATE KEY' block and its 'PUBLIC KEY' block "
                    + "(openssl pkey -in key.pem -pubout >> key.pem adds the latter)");
        }
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            ECPrivateKey privateKey = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(publicDer));
            if (privateKey.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalStateException(file + " is not a P-256 key (ES256 needs P-256)");
            }
            String keyId = configuredKeyId == null || configuredKeyId.isBlank()
                    ? SigningKey.thumbprint(publicKey) : configuredKeyId;
            return new SigningKey(keyId, privateKey, publicKey);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " does not hold an EC P-256 key pair: " + e.getMessage());
        }
    }
}
