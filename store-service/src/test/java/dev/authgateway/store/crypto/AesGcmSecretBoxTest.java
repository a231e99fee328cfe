package dev.authgateway.store.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.authgateway.store.domain.SecondFactorsNotConfiguredException;
import dev.authgateway.store.domain.SecretBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trip, tamper detection (ciphertext, context, key id) and rotation of the secrets' AES-256-GCM box. */
class AesGcmSecretBoxTest {

    private static final String OLD = "2026-01:" + key('a');
    private static final String NEW = "2026-07:" + key('b');
    private static final byte[] SECRET = "twenty bytes secret!".getBytes(StandardCharsets.US_ASCII);
    private static final String ADA = "0b5e1c2a-0000-4000-8000-000000000001";

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }

    private static AesGcmSecretBox box(String keys, String active) {
        return new AesGcmSecretBox(SecretKeyRing.parse(keys, active));
    }

    @Test
    void givenASealedSecret_thenItOpensWithTheSameContext_andTheCiphertextHidesIt() {
        AesGcmSecretBox box = box(OLD, "");
        SecretBox.Sealed sealed = box.seal(SECRET, ADA);

        assertThat(sealed.keyId()).isEqualTo("2026-01");
        assertThat(sealed.ciphertext()).hasSize(12 + SECRET.length + 16);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("twenty");
        assertThat(box.open(sealed, ADA)).isEqualTo(SECRET);
        assertThat(box.seal(SECRET, ADA).ciphertext()).as("a fresh nonce each time").isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void givenAnyBitOfTheCiphertextFlipped_thenOpeningFails() {
        AesGcmSecretBox box = box(OLD, "");
        SecretBox.Sealed sealed = box.seal(SECRET, ADA);

        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] altered = sealed.ciphertext().clone();
            altered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(new SecretBox.Sealed("2026-01", altered), ADA))
                    .as("byte %d", i).isInstanceOf(SecondFactorsNotConfiguredException.class);
        }
    }

    @Test
    void givenAnotherUsersContextOrARelabelledKeyId_thenOpeningFails() {
        AesGcmSecretBox box = box(OLD + "," + NEW, "2026-01");
        SecretBox.Sealed sealed = box.seal(SECRET, ADA);

        assertThatThrownBy(() -> box.open(sealed, "0b5e1c2a-0000-4000-8000-000000000002"))
                .isInstanceOf(SecondFactorsNotConfiguredException.class).hasMessageContaining("authentication");
        assertThatThrownBy(() -> box.open(new SecretBox.Sealed("2026-07", sealed.ciphertext()), ADA))
                .isInstanceOf(SecondFactorsNotConfiguredException.class);
        assertThatThrownBy(() -> box.open(new SecretBox.Sealed("2026-01", new byte[10]), ADA))
                .isInstanceOf(SecondFactorsNotConfiguredException.class).hasMessageContaining("truncated");
    }

    @Test
    void givenARotation_thenTheNewKeySealsAndTheOldStillOpens_untilItIsRemoved() {
        SecretBox.Sealed byOld = box(OLD, "").seal(SECRET, ADA);
        AesGcmSecretBox rotated = box(OLD + "," + NEW, "2026-07");

        assertThat(rotated.activeKeyId()).isEqualTo("2026-07");
        assertThat(rotated.open(byOld, ADA)).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, ADA).keyId()).isEqualTo("2026-07");
        assertThatThrownBy(() -> box(NEW, "").open(byOld, ADA))
                .isInstanceOf(SecondFactorsNotConfiguredException.class).hasMessageContaining("2026-01");
    }

    @Test
    void givenNoKey_thenSealingSaysWhatToSet() {
        AesGcmSecretBox none = box("", "");

        assertThatThrownBy(() -> none.seal(SECRET, ADA))
                .isInstanceOf(SecondFactorsNotConfiguredException.class)
                .hasMessageContaining("app.second-factor.encryption.keys");
    }

    @Test
    void givenBadKeyLists_thenStartUpFailsNamingTheKeyButNotItsBytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeyRing.parse("k:" + shortKey, ""))
                .hasMessageContaining("'k' has 16 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretKeyRing.parse("k:not base64!", "")).hasMessageContaining("'k'");
        assertThatThrownBy(() -> SecretKeyRing.parse("justakey", "")).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> SecretKeyRing.parse(OLD, "2026-07")).hasMessageContaining("active-key-id");
        assertThatThrownBy(() -> SecretKeyRing.parse(OLD + "," + OLD, "")).hasMessageContaining("twice");
        assertThat(SecretKeyRing.parse(OLD, "").toString()).doesNotContain(key('a'));
    }
}
