package dev.authgateway.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** An EC P-256 key written as a PKCS#8 PEM file for the gateway, kept here so tests can forge tokens with it. */
record SigningKey(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey, Path pemFile) {

    static SigningKey generate(String keyId, Path directory) throws IOException {
        KeyPair pair = newPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = directory.resolve(keyId + ".pem");
        Files.writeString(file, pem);
        return new SigningKey(keyId, (ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(), file);
    }

    static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
