package dev.authgateway.systemtest.api;

import java.util.Map;

import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Each bad input gets its own typed error, and nothing is written. */
@ExtendWith(StackExtension.class)
class BadInputIT {

    @Test
    void givenATakenUsernameInOtherCase_thenConflictOnUsernameAndNoSecondRow(Stack stack) throws Exception {
        String username = Operations.uniqueName("Taken");
        stack.graphql().post(SIGNUP, Operations.signupInput(username, username + "@example.com", STRONG_PASSWORD, "First"));

        var again = stack.graphql().post(SIGNUP, Operations.signupInput(
                username.toLowerCase(), "other-" + username + "@example.com", STRONG_PASSWORD, "Second"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(again.errorField()).isEqualTo("username");
        assertThat(stack.countUsers("lower(username) = lower(?)", username)).isEqualTo(1);
    }

    @Test
    void givenATakenEmailInOtherCase_thenConflictOnEmail(Stack stack) throws Exception {
        String username = Operations.uniqueName("mail");
        String email = username + "@Example.com";
        stack.graphql().post(SIGNUP, Operations.signupInput(username, email, STRONG_PASSWORD, "First"));

        var again = stack.graphql().post(SIGNUP, Operations.signupInput(
                Operations.uniqueName("other"), email.toUpperCase(), STRONG_PASSWORD, "Second"));

        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(again.errorField()).isEqualTo("email");
        assertThat(stack.countUsers("lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @Test
    void givenAWeakPassword_thenBadUserInputOnPasswordAndNothingWritten(Stack stack) throws Exception {
        String username = Operations.uniqueName("weak");

        var response = stack.graphql().post(SIGNUP,
                Operations.signupInput(username, username + "@example.com", "short", "Weak"));

        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorField()).isEqualTo("password");
        assertThat(stack.countUsers("username = ?", username)).isZero();
    }

    @Test
    void givenAnInvalidEmail_thenBadUserInputOnEmailAndNothingWritten(Stack stack) throws Exception {
        String username = Operations.uniqueName("bademail");

        var response = stack.graphql().post(SIGNUP,
                Operations.signupInput(username, "not-an-email", STRONG_PASSWORD, "Bad Email"));

        assertThat(response.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errorField()).isEqualTo("email");
        assertThat(response.errorMessage()).isNotBlank();
        assertThat(stack.countUsers("username = ?", username)).isZero();
    }

    @Test
    void givenAWrongPasswordOrAnUnknownUser_thenTheSameInvalidCredentialsAnswer(Stack stack) {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String username = signup.data().path("signup").path("user").path("username").asText();

        var wrongPassword = stack.graphql().post(LOGIN, Operations.loginInput(username, "not the password at all"));
        var unknownUser = stack.graphql().post(LOGIN,
                Operations.loginInput(Operations.uniqueName("nobody"), "not the password at all"));

        assertThat(wrongPassword.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownUser.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownUser.json().path("errors")).isEqualTo(wrongPassword.json().path("errors"));
        assertThat(wrongPassword.data().path("login").isMissingNode() || wrongPassword.data().path("login").isNull())
                .isTrue();
    }

    @Test
    void givenAMissingRequiredInputField_thenAValidationErrorAndNothingWritten(Stack stack) throws Exception {
        String username = Operations.uniqueName("partial");

        var response = stack.graphql().post(SIGNUP,
                Map.of("input", Map.of("username", username, "password", STRONG_PASSWORD)));

        assertThat(response.errorCode()).isIn("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED");
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(stack.countUsers("username = ?", username)).isZero();
    }
}
