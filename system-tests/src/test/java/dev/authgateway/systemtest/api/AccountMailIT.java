package dev.authgateway.systemtest.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.authgateway.systemtest.harness.Eventually;
import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.CHANGE_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.EMAIL_VERIFIED;
import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.REFRESH;
import static dev.authgateway.systemtest.harness.Operations.REQUEST_PASSWORD_RESET;
import static dev.authgateway.systemtest.harness.Operations.RESEND_VERIFICATION;
import static dev.authgateway.systemtest.harness.Operations.RESET_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.VERIFY_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account lifecycle by mail, end to end: GraphQL at the gateway, the store's outbox in PostgreSQL, its sender,
 * and the messages read from a real SMTP server (GreenMail).
 */
@ExtendWith(StackExtension.class)
class AccountMailIT {

    static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    private static final String NEW_PASSWORD = "plum lantern orbit vinegar";

    @Test
    void givenASignup_thenTheMailedLinkVerifiesTheAddressOnce(Stack stack) {
        Account account = Account.signUp(stack);
        assertThat(emailVerified(stack, account)).isFalse();
        TestMail.Mail mail = stack.mail().await(account.email(), 1, MAIL_WAIT).getFirst();
        assertThat(mail.subject()).isEqualTo("Confirm your email address");
        assertThat(mail.html()).as("the display name is escaped").contains("&lt;b&gt;").doesNotContain("<b>");

        var verified = stack.graphql().post(VERIFY_EMAIL, Map.of("token", mail.token().orElseThrow()));

        assertThat(verified.data().path("verifyEmail").asBoolean()).as(verified.body()).isTrue();
        assertThat(emailVerified(stack, account)).isTrue();
        assertThat(stack.graphql().post(RESEND_VERIFICATION, Map.of(), account.accessToken())
                .data().path("resendVerification").asBoolean()).as("nothing to resend").isFalse();
        assertThat(stack.graphql().post(VERIFY_EMAIL, Map.of("token", mail.token().orElseThrow())).errorCode())
                .isEqualTo("INVALID_TOKEN");
    }

    @Test
    void givenAResentLink_thenOnlyTheNewestWorks(Stack stack) {
        Account account = Account.signUp(stack);
        String first = stack.mail().await(account.email(), 1, MAIL_WAIT).getFirst().token().orElseThrow();

        var resent = stack.graphql().post(RESEND_VERIFICATION, Map.of(), account.accessToken());

        assertThat(resent.data().path("resendVerification").asBoolean()).as(resent.body()).isTrue();
        String second = stack.mail().await(account.email(), 2, MAIL_WAIT).get(1).token().orElseThrow();
        assertThat(stack.graphql().post(VERIFY_EMAIL, Map.of("token", first)).errorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(stack.graphql().post(VERIFY_EMAIL, Map.of("token", second)).errorCode()).isEmpty();
    }

    @Test
    void givenAForgottenPassword_thenTheMailedLinkResetsItEndsEverySessionAndTheOwnerIsTold(Stack stack)
            throws Exception {
        Account account = Account.signUp(stack);
        String laptopAccess = login(stack, account.username(), STRONG_PASSWORD).path("accessToken").asText();

        var asked = stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", account.email()));
        assertThat(asked.data().path("requestPasswordReset").asBoolean()).as(asked.body()).isTrue();
        TestMail.Mail link = stack.mail().await(account.email(), 2, MAIL_WAIT).get(1);
        assertThat(link.subject()).isEqualTo("Reset your password");

        var reset = stack.graphql().post(RESET_PASSWORD, Map.of("input",
                Map.of("token", link.token().orElseThrow(), "newPassword", NEW_PASSWORD)));

        assertThat(reset.data().path("resetPassword").asBoolean()).as(reset.body()).isTrue();
        for (String access : List.of(account.accessToken(), laptopAccess)) {
            Eventually.within(Duration.ofSeconds(6), "an old session's access token refused",
                    () -> stack.graphql().post(PROFILE, Map.of(), access).errorCode().equals("UNAUTHENTICATED"));
        }
        assertThat(stack.graphql().post(REFRESH, Map.of("token", account.refreshToken())).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(stack.graphql().post(LOGIN, Operations.loginInput(account.username(), STRONG_PASSWORD))
                .errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(login(stack, account.username(), NEW_PASSWORD).path("accessToken").asText()).isNotBlank();
        TestMail.Mail notice = stack.mail().await(account.email(), 3, MAIL_WAIT).get(2);
        assertThat(notice.subject()).isEqualTo("Your password was changed");
        assertThat(notice.text()).contains("reset");
    }

    @Test
    void givenAPasswordChange_thenTheCurrentOneIsRequiredAndOnlyTheOtherSessionsEnd(Stack stack) throws Exception {
        Account account = Account.signUp(stack);
        String otherAccess = login(stack, account.username(), STRONG_PASSWORD).path("accessToken").asText();

        var wrong = stack.graphql().post(CHANGE_PASSWORD, Map.of("input", Map.of("currentPassword", "not it at all",
                "newPassword", NEW_PASSWORD)), account.accessToken());
        assertThat(wrong.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        var weak = stack.graphql().post(CHANGE_PASSWORD, Map.of("input", Map.of("currentPassword", STRONG_PASSWORD,
                "newPassword", "password123")), account.accessToken());
        assertThat(weak.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(weak.errorField()).isEqualTo("newPassword");

        var changed = stack.graphql().post(CHANGE_PASSWORD, Map.of("input", Map.of(
                "currentPassword", STRONG_PASSWORD, "newPassword", NEW_PASSWORD)), account.accessToken());

        assertThat(changed.data().path("changePassword").asBoolean()).as(changed.body()).isTrue();
        Eventually.within(Duration.ofSeconds(6), "the other session's access token refused",
                () -> stack.graphql().post(PROFILE, Map.of(), otherAccess).errorCode().equals("UNAUTHENTICATED"));
        assertThat(stack.graphql().post(PROFILE, Map.of(), account.accessToken()).errorCode())
                .as("the caller's own session goes on").isEmpty();
        assertThat(login(stack, account.username(), NEW_PASSWORD).path("accessToken").asText()).isNotBlank();
        assertThat(stack.mail().await(account.email(), 2, MAIL_WAIT).get(1).subject())
                .isEqualTo("Your password was changed");
    }

    @Test
    void givenRequiredVerification_thenAnUnverifiedAccountCannotLogInUntilItsLinkIsOpened(Stack stack)
            throws Exception {
        Account account = Account.signUp(stack);
        try (ServiceProcess strict = stack.startGatewayWithOwnCounters("verified",
                Map.of("app.accounts.require-verified-email", "true"))) {
            GraphQlClient gateway = new GraphQlClient(strict.baseUrl());
            var refused = gateway.post(LOGIN, Operations.loginInput(account.username(), STRONG_PASSWORD));
            assertThat(refused.errorCode()).as(refused.body()).isEqualTo("EMAIL_NOT_VERIFIED");
            assertThat(gateway.post(LOGIN, Operations.loginInput(account.username(), "wrong password!!"))
                    .errorCode()).as("a wrong password does not learn it").isEqualTo("INVALID_CREDENTIALS");

            String token = stack.mail().await(account.email(), 1, MAIL_WAIT).getFirst().token().orElseThrow();
            assertThat(gateway.post(VERIFY_EMAIL, Map.of("token", token)).errorCode()).isEmpty();

            var login = gateway.post(LOGIN, Operations.loginInput(account.username(), STRONG_PASSWORD));
            assertThat(login.data().path("login").path("accessToken").asText()).as(login.body()).isNotBlank();
        }
    }

    private static boolean emailVerified(Stack stack, Account account) {
        var profile = stack.graphql().post(EMAIL_VERIFIED, Map.of(), account.accessToken());
        assertThat(profile.errorCode()).as(profile.body()).isEmpty();
        return profile.data().path("profile").path("emailVerified").asBoolean();
    }

    private static com.fasterxml.jackson.databind.JsonNode login(Stack stack, String login, String password) {
        var response = stack.graphql().post(LOGIN, Operations.loginInput(login, password));
        assertThat(response.errorCode()).as(response.body()).isEmpty();
        return response.data().path("login");
    }

    /** A fresh account through signup, with the session signup started. */
    record Account(String username, String email, String accessToken, String refreshToken) {

        static Account signUp(Stack stack) {
            String username = Operations.uniqueName("m");
            var signup = stack.graphql().post(SIGNUP, Operations.signupInput(username, username + "@example.com",
                    STRONG_PASSWORD, "Ada <b>" + username + "</b>"));
            assertThat(signup.errorCode()).as(signup.body()).isEmpty();
            return new Account(username, username + "@example.com",
                    signup.data().path("signup").path("accessToken").asText(),
                    signup.data().path("signup").path("refreshToken").asText());
        }
    }
}
