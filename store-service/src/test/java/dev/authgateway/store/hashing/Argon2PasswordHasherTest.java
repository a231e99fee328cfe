package dev.authgateway.store.hashing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher defaults = new Argon2PasswordHasher(new HashParameters(19456, 2, 1));

    @Test
    void givenTheDefaults_thenTheHashIsArgon2idWithOwaspParametersAndASalt() {
        String hash = defaults.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse battery");
        assertThat(defaults.hash("correct horse battery")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void givenAHash_thenOnlyTheRightPasswordMatches() {
        String hash = defaults.hash("pässwörd çafé 😀");

        assertThat(defaults.matches("pässwörd çafé 😀", hash)).isTrue();
        assertThat(defaults.matches("pässwörd cafe 😀", hash)).isFalse();
    }

    @Test
    void givenAHashMadeWithOtherParameters_thenItStillVerifies() {
        String older = new Argon2PasswordHasher(new HashParameters(4096, 1, 1)).hash("correct horse battery");

        assertThat(older).contains("m=4096,t=1,p=1");
        assertThat(defaults.matches("correct horse battery", older)).isTrue();
    }

    @Test
    void givenWeakParameters_thenRefused() {
        assertThatThrownBy(() -> new HashParameters(64, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
