package dev.authgateway.store.domain;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginFormsTest {

    private static final long SEED = Long.getLong("forms.seed", System.nanoTime());

    @ParameterizedTest
    @CsvSource({
            "rti_user, rti_user",
            "RTI_User, rti_user",
            "rt\u0130_user, rti_user",
            "\uff52\uff54\uff49_user, rti_user",
            "\u212Aelvin, kelvin",
            "' ada ', ada"})
    void givenSpellingsOfOneUsername_thenOneCanonicalForm(String typed, String canonical) {
        assertThat(LoginForms.login(typed)).isEqualTo(new CanonicalLogin(false, canonical));
    }

    @Test
    void givenASignupUsername_thenItsCanonicalFormIsTheOneALoginResolvesTo() {
        SignUp signUp = new SignUp("RTI_user", "Rti@Example.com", "correct horse battery", "R");

        assertThat(LoginForms.login("rt\u0130_USER").value()).isEqualTo(signUp.canonicalUsername());
        assertThat(LoginForms.login("RT\u0130@example.COM").value()).isEqualTo(signUp.canonicalEmail());
    }

    @ParameterizedTest
    @CsvSource({
            "Ada@Example.COM, ada@example.com",
            "Jos\u0065\u0301@example.com, jos\u00e9@example.com",
            "\u0130nci@example.com, inci@example.com"})
    void givenSpellingsOfOneEmail_thenOneCanonicalForm(String typed, String canonical) {
        assertThat(LoginForms.login(typed)).isEqualTo(new CanonicalLogin(true, canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "ada\u200B", "ada\u202Egnp", "ad\u200Da", "ada\u00AD", "ada\u2028",
            "ada@exa\u200Bmple.com", "\uFEFFada", "ada\uDB40\uDC01", "ada\u0085"})
    void givenAHiddenCharacter_thenTheLoginIsRefusedNamingTheField(String typed) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> LoginForms.login(typed));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("login");
    }

    @Test
    void givenALoginNoProfileAccepts_thenItStillHasAStableLowerCaseForm() {
        assertThat(LoginForms.login("Has Space").value()).isEqualTo("has space");
        assertThat(LoginForms.login("HAS SPACE").value()).isEqualTo(LoginForms.login("has space").value());
    }

    @Test
    void givenRandomLogins_thenTheFormIsStableAndEveryRefusalNamesTheLogin() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            String typed = HostileStrings.next(random);
            String replay = "seed " + SEED + ", case " + i + ": " + HostileStrings.escape(typed);
            try {
                CanonicalLogin once = LoginForms.login(typed);
                assertThat(LoginForms.login(once.value())).as(replay).isEqualTo(once);
                assertThat(HiddenCharacters.containsAny(once.value())).as(replay).isFalse();
            } catch (InvalidInputException refused) {
                assertThat(refused.violations()).as(replay).extracting(FieldViolation::field)
                        .containsExactly("login");
            }
        }
    }
}
