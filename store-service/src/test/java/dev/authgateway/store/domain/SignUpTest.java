package dev.authgateway.store.domain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SignUpTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void givenValidInput_thenFieldsAreTrimmedButThePasswordIsNot() {
        SignUp signUp = new SignUp("  ada_l  ", " ada@example.com ", "  spaced password  ", " Ada ");

        assertThat(signUp.username()).isEqualTo("ada_l");
        assertThat(signUp.email()).isEqualTo("ada@example.com");
        assertThat(signUp.displayName()).isEqualTo("Ada");
        assertThat(signUp.password()).isEqualTo("  spaced password  ");
    }

    @Test
    void givenEveryFieldInvalid_thenAllViolationsAreReportedTogether() {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class,
                () -> new SignUp("a", "nope", "short", ""));

        assertThat(error.violations()).extracting(FieldViolation::field)
                .containsExactly("username", "email", "password", "displayName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "_starts_with_underscore", "has space", "semi;colon", "thirty-three-characters-long-name"})
    void givenABadUsername_thenUsernameViolation(String username) {
        assertThat(fieldsOf(() -> new SignUp(username, "a@example.com", PASSWORD, "A"))).containsExactly("username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a.b-c_d", "thirty-two-characters-long-name1"})
    void givenAGoodUsername_thenAccepted(String username) {
        assertThat(new SignUp(username, "a@example.com", PASSWORD, "A").username()).isEqualTo(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "a@b", "a@@example.com", "a b@example.com",
            "a@exa mple.com", "a@-example.com", "a@example..com"})
    void givenABadEmail_thenEmailViolation(String email) {
        assertThat(fieldsOf(() -> new SignUp("ada", email, PASSWORD, "A"))).containsExactly("email");
    }

    @Test
    void givenAnEmailOver254Characters_thenEmailViolation() {
        String email = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(3) + "com";
        assertThat(email.length()).isGreaterThan(254);
        assertThat(fieldsOf(() -> new SignUp("ada", email, PASSWORD, "A"))).containsExactly("email");
    }

    @Test
    void givenPasswordLengthBoundaries_thenTheFloorOfEightToTwoHundredFiftySixCodePointsIsAccepted() {
        assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", "x".repeat(7), "A"))).containsExactly("password");
        assertThat(new SignUp("ada", "a@example.com", "x".repeat(8), "A").password()).hasSize(8);
        assertThat(new SignUp("ada", "a@example.com", "x".repeat(256), "A").password()).hasSize(256);
        assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", "x".repeat(257), "A"))).containsExactly("password");
    }

    @Test
    void givenAPasswordOfEmojiAndAccents_thenItsLengthIsCountedInCodePoints() {
        String eightEmoji = "😀".repeat(8);
        assertThat(eightEmoji.length()).isEqualTo(16);
        assertThat(new SignUp("ada", "a@example.com", eightEmoji, "A").password()).isEqualTo(eightEmoji);
        assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", "😀".repeat(7), "A"))).containsExactly("password");
        assertThat(new SignUp("ada", "a@example.com", "pässwörd çafé", "A").password()).isEqualTo("pässwörd çafé");
    }

    @Test
    void givenAWhitespaceOnlyPassword_thenPasswordViolation() {
        assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", " ".repeat(12), "A"))).containsExactly("password");
    }

    @Test
    void givenADisplayNameWithAControlCharacterOrTooLong_thenDisplayNameViolation() {
        assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", PASSWORD, "Ada\u0000"))).containsExactly("displayName");
        assertThat(fieldsOf(() -> new SignUp("ada", "a@example.com", PASSWORD, "x".repeat(65)))).containsExactly("displayName");
    }

    @Test
    void givenASignUp_thenItsTextNeverShowsThePassword() {
        assertThat(new SignUp("ada", "a@example.com", PASSWORD, "A").toString()).doesNotContain(PASSWORD);
    }

    @Test
    void givenAnUpdateWithABlankName_thenDisplayNameViolation() {
        assertThatThrownBy(() -> new UpdateProfile(java.util.UUID.randomUUID(), "   "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("displayName");
    }

    private static List<String> fieldsOf(Runnable construction) {
        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, construction::run);
        assertThat(error).as("expected a violation").isNotNull();
        return error.violations().stream().map(FieldViolation::field).toList();
    }
}
