package dev.authgateway.systemtest.harness;

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

/** An EC P-256 key pair written as a PEM file (PKCS#8 private key, then public key) for the gateway, kept here so tests can forge tokens with it. */
public record SigningKey(String keyId, ECPrivateKey privateKey, ECPublicKey publicKey, Path pemFile) {

    public static SigningKey generate(String keyId, Path directory) throws IOException {
        KeyPair pair = newPair();
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN PUBLIC KEY-----\n" + base64.encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = directory.resolve(keyId + ".pem");
        Files.writeString(file, pem);
        return new SigningKey(keyId, (ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic(), file);
    }

    public static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
