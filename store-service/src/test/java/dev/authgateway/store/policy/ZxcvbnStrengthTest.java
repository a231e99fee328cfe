package dev.authgateway.store.policy;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZxcvbnStrengthTest {

    /** The account words PasswordPolicy passes for ada_l, ada.byron@example.com, "Ada Byron". */
    private static final List<String> ADA = List.of("ada_l", "ada.byron@example.com", "ada.byron", "Ada Byron", "Ada",
            "Byron");

    private final ZxcvbnStrength strength = new ZxcvbnStrength(3);

    @Test
    void givenPasswordsEveryCrackerTriesFirst_thenEachIsRefusedSayingWhy() {
        assertThat(strength.weakness("password123", List.of()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("is too easy to guess: ")
                        .contains("This is a very common password."));
        assertThat(strength.weakness("Password1!", List.of())).isPresent();
        assertThat(strength.weakness("qwertyuiop123", List.of())).isPresent();
        assertThat(strength.weakness("hunter2hunter2", List.of())).hasValueSatisfying(why -> assertThat(why)
                .contains("Repeats like \"abcabcabc\""));
    }

    @Test
    void givenThePasswordIsBuiltFromTheAccountsOwnWords_thenRefusedForThatAccountOnly() {
        assertThat(strength.weakness("Ada.Byron.1815", ADA)).isPresent();
        assertThat(strength.weakness("Ada.Byron.1815", List.of("grace", "grace@example.com"))).isEmpty();
    }

    @Test
    void givenAPassphraseOrALongRandomPassword_thenAccepted() {
        assertThat(strength.weakness("correct horse battery staple", ADA)).isEmpty();
        assertThat(strength.weakness("vT7#qL2!pX9@", ADA)).isEmpty();
    }

    @Test
    @Timeout(30)
    void givenTheLongestPassword_thenOnlyItsStartIsJudged() {
        String weakStart = "password".repeat(8) + randomPrintable(192, 7);
        String strongStart = randomPrintable(256, 11);

        assertThat(strength.weakness(weakStart, ADA)).as("a weak start is refused whatever follows").isPresent();
        assertThat(strength.weakness(strongStart, ADA)).isEmpty();
    }

    @Test
    void givenTheScale_thenOnlyZeroToFourIsAMinimum() {
        assertThatThrownBy(() -> new ZxcvbnStrength(5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ZxcvbnStrength(0).weakness("password", List.of())).isEmpty();
    }

    @Test
    @Timeout(60)
    void givenOneEstimatorSharedByConcurrentSignups_thenEachAnswerIsItsOwn() throws Exception {
        try (var threads = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> weak = IntStream.range(0, 40).mapToObj(i -> threads.submit(
                    () -> (i % 2 == 0 ? strength.weakness("password" + i, ADA)
                            : strength.weakness("correct horse battery staple " + i, ADA)).isPresent())).toList();
            for (int i = 0; i < weak.size(); i++) {
                assertThat(weak.get(i).get()).as("password %d", i).isEqualTo(i % 2 == 0);
            }
        }
    }

    private static String randomPrintable(int length, long seed) {
        return new Random(seed).ints(length, 33, 127)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
