package dev.authgateway.store.domain;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** No text field takes a control, invisible or bidi-control character; each refusal names its field. */
class HiddenInputTest {

    private static final long SEED = Long.getLong("hidden.seed", System.nanoTime());
    private static final String PASSWORD = "correct horse battery";
    private static final List<String> HIDDEN = List.of("\u0000", "\u0007", "\u007F", "\u0085", "\u200B", "\u200D",
            "\u202E", "\u2066", "\u00AD", "\uFEFF", "\u2028", "\uDB40\uDC01", "\uDB40\uDD00", "\uFFFF", "\uD800");

    @Test
    void givenAHiddenCharacterInAnySignupField_thenThatFieldIsNamed() {
        for (String hidden : HIDDEN) {
            String as = "U+" + Integer.toHexString(hidden.codePointAt(0));
            assertThat(fieldsOf(() -> new SignUp("ad" + hidden + "a", "a@example.com", PASSWORD, "A")))
                    .as(as).containsExactly("username");
            assertThat(fieldsOf(() -> new SignUp("ada", "a" + hidden + "@example.com", PASSWORD, "A")))
                    .as(as).containsExactly("email");
            assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", PASSWORD + hidden, "A")))
                    .as(as).containsExactly("password");
            assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", PASSWORD, "A" + hidden + "da")))
                    .as(as).containsExactly("displayName");
            assertThat(fieldsOf(() -> new UpdateProfile(UUID.randomUUID(), "A" + hidden + "da")))
                    .as(as).containsExactly("displayName");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc\u202Egnp.exe", "\u200B\u200B\u200B", "\u2800\u2800", "\u3164", "\u115F\u1160",
            "\u0301\u0301", "   \u00A0  ", "\uE000boss"})
    void givenADisplayNameThatHidesOrShowsNothing_thenRefused(String displayName) {
        assertThat(fieldsOf(() -> new UpdateProfile(UUID.randomUUID(), displayName))).containsExactly("displayName");
    }

    @Test
    void givenADisplayName_thenPrecisNicknameKeepsItsCaseAndTidiesItsSpaces() {
        assertThat(new UpdateProfile(UUID.randomUUID(), " Ada\u00A0\u00A0Lovelace 😀 ").displayName())
                .isEqualTo("Ada Lovelace 😀");
        assertThat(new UpdateProfile(UUID.randomUUID(), "שלום Ada").displayName()).isEqualTo("שלום Ada");
    }

    @Test
    void givenAPasswordWithNonAsciiSpacesOrDecomposedAccents_thenTheEnforcedFormIsKept() {
        assertThat(new SignUp("ada", "a@example.com", "correct\u00A0horse battery", "A").password())
                .isEqualTo("correct horse battery");
        assertThat(new SignUp("ada", "a@example.com", "cafe\u0301 au lait!", "A").password())
                .isEqualTo("caf\u00e9 au lait!");
    }

    @Test
    void givenAControlCharacterInALoginPassword_thenRefusedBeforeAnyHash() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> PasswordForms.loginCandidates("correct\u0000horse"));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("password");
        assertThat(PasswordForms.loginCandidates("caf\u00e9 horse")).containsExactly("caf\u00e9 horse");
        assertThat(PasswordForms.loginCandidates("cafe\u0301 horse")).containsExactly("caf\u00e9 horse",
                "cafe\u0301 horse");
    }

    @Test
    void givenAHiddenCharacterInARefreshToken_thenTheTokenFieldIsNamed() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> InputRules.checkToken("abc\u0000def"));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("token");
    }

    @Test
    void givenRandomHostileSignups_thenEitherAViolationPerFieldOrNothingHiddenIsKept() {
        Random random = new Random(SEED);
        Set<String> fields = Set.of("username", "email", "password", "displayName");
        for (int i = 0; i < 3_000; i++) {
            String username = random.nextBoolean() ? "ada" + HostileStrings.next(random) : "ada";
            String email = random.nextBoolean() ? "a" + HostileStrings.next(random) + "@example.com" : "a@example.com";
            String password = PASSWORD + HostileStrings.next(random);
            String displayName = HostileStrings.next(random);
            String replay = "seed " + SEED + ", case " + i + ": " + HostileStrings.escape(
                    String.join(" | ", username, email, password, displayName));
            try {
                SignUp signUp = new SignUp(username, email, password, displayName);
                assertThat(HiddenCharacters.containsAny(signUp.username() + signUp.email() + signUp.password()
                        + signUp.displayName())).as(replay).isFalse();
                assertThat(signUp.canonicalUsername()).as(replay).isNotBlank();
            } catch (InvalidInputException refused) {
                assertThat(refused.violations()).as(replay).isNotEmpty()
                        .allSatisfy(violation -> assertThat(fields).contains(violation.field()));
            }
        }
    }

    private static List<String> fieldsOf(Runnable construction) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, construction::run);
        assertThat(error).as("expected a violation").isNotNull();
        return error.violations().stream().map(FieldViolation::field).toList();
    }
}
