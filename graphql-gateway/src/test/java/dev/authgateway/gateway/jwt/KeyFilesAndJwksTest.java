package dev.authgateway.gateway.jwt;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFilesAndJwksTest {

    @TempDir
    Path directory;

    @Test
    void givenAPemWithPrivateAndPublicBlocks_thenTheKeyIsReadWithItsThumbprintAsKeyId() throws Exception {
        SigningKey generated = SigningKey.generate();
        Path file = writePem(generated, true);

        SigningKey read = SigningKeyFile.read(file, "");

        assertThat(read.publicKey()).isEqualTo(generated.publicKey());
        assertThat(read.privateKey().getS()).isEqualTo(generated.privateKey().getS());
        assertThat(read.keyId()).isEqualTo(SigningKey.thumbprint(generated.publicKey()));
        assertThat(SigningKeyFile.read(file, "rotated-2026-11").keyId()).isEqualTo("rotated-2026-11");
    }

    @Test
    void givenAPemWithoutThePublicBlock_thenStartUpFailsSayingHowToAddIt() throws Exception {
        Path file = writePem(SigningKey.generate(), false);

        assertThatThrownBy(() -> SigningKeyFile.read(file, "")).hasMessageContaining("PUBLIC KEY").hasMessageContaining("openssl");
    }

    @Test
    void givenTheKeys_thenTheJwksHoldsEachPublicKeyAndNoPrivatePart() throws Exception {
        SigningKey key = SigningKey.generate();

        JsonNode jwk = new ObjectMapper().readTree(JwksEndpoint.render(List.of(key))).path("keys").path(0);

        assertThat(jwk.path("kid").asText()).isEqualTo(key.keyId());
        assertThat(jwk.path("alg").asText()).isEqualTo("ES256");
        assertThat(jwk.path("use").asText()).isEqualTo("sig");
        assertThat(jwk.has("d")).isFalse();
        assertThat(publicKey(jwk.path("x").asText(), jwk.path("y").asText())).isEqualTo(key.publicKey());
    }

    @Test
    void givenTheRfc7638Example_thenTheThumbprintMatchesAKnownComputation() throws Exception {
        SigningKey key = SigningKey.generate();
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + SigningKey.x(key.publicKey())
                + "\",\"y\":\"" + SigningKey.y(key.publicKey()) + "\"}";
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8));

        assertThat(SigningKey.thumbprint(key.publicKey()))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                .hasSize(43);
    }

    private Path writePem(SigningKey key, boolean withPublic) throws Exception {
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        if (withPublic) {
            pem += "-----BEGIN PUBLIC KEY-----\n" + base64.encodeToString(key.publicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        }
        Path file = directory.resolve("key.pem");
        Files.writeString(file, pem);
        return file;
    }

    private static ECPublicKey publicKey(String x, String y) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                new BigInteger(1, Base64.getUrlDecoder().decode(y)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
