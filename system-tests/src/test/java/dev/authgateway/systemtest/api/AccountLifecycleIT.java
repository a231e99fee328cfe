package dev.authgateway.systemtest.api;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.systemtest.harness.Eventually;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.CONFIRM_EMAIL_CHANGE;
import static dev.authgateway.systemtest.harness.Operations.DELETE_ACCOUNT;
import static dev.authgateway.systemtest.harness.Operations.EMAIL_VERIFIED;
import static dev.authgateway.systemtest.harness.Operations.END_SESSION;
import static dev.authgateway.systemtest.harness.Operations.EXPORT_ACCOUNT;
import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.REFRESH;
import static dev.authgateway.systemtest.harness.Operations.REQUEST_EMAIL_CHANGE;
import static dev.authgateway.systemtest.harness.Operations.SESSIONS;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account lifecycle end to end: GraphQL at the gateway, the cache-service's coherent writes, the store in
 * PostgreSQL, its mails read from a real SMTP server (GreenMail).
 */
@ExtendWith(StackExtension.class)
class AccountLifecycleIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    private static final Duration REVOKED_WITHIN = Duration.ofSeconds(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTwoLogins_thenBothAreListed_andEndingOneKillsOnlyItsToken(Stack stack) throws Exception {
        AccountMailIT.Account account = AccountMailIT.Account.signUp(stack);
        String laptop = login(stack, account.username(), STRONG_PASSWORD);

        var listed = stack.graphql().post(SESSIONS, Map.of(), laptop);

        assertThat(listed.errorCode()).as(listed.body()).isEmpty();
        JsonNode sessions = listed.data().path("sessions");
        assertThat(sessions).hasSize(2);
        JsonNode current = null;
        JsonNode other = null;
        for (JsonNode session : sessions) {
            assertThat(session.path("device").asText()).as("the client's User-Agent").isNotBlank();
            assertThat(session.path("clientAddress").asText()).isNotBlank();
            assertThat(session.path("createdAt").asText()).endsWith("Z");
            if (session.path("current").asBoolean()) {
                current = session;
            } else {
                other = session;
            }
        }
        assertThat(current).as("exactly one is the caller's").isNotNull();
        assertThat(other).isNotNull();

        var ended = stack.graphql().post(END_SESSION, Map.of("id", other.path("id").asText()), laptop);

        assertThat(ended.data().path("endSession").asBoolean()).as(ended.body()).isTrue();
        Eventually.within(REVOKED_WITHIN, "the ended session's access token refused", () -> stack.graphql()
                .post(PROFILE, Map.of(), account.accessToken()).errorCode().equals("UNAUTHENTICATED"));
        assertThat(stack.graphql().post(REFRESH, Map.of("token", account.refreshToken())).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(stack.graphql().post(PROFILE, Map.of(), laptop).errorCode()).as("the other goes on").isEmpty();
        assertThat(stack.graphql().post(SESSIONS, Map.of(), laptop).data().path("sessions")).hasSize(1);
    }

    @Test
    void givenAnotherUsersSessionId_thenItIsRefusedLikeAnUnknownOne_andThatSessionGoesOn(Stack stack) {
        AccountMailIT.Account victim = AccountMailIT.Account.signUp(stack);
        AccountMailIT.Account attacker = AccountMailIT.Account.signUp(stack);
        String victimSession = stack.graphql().post(SESSIONS, Map.of(), victim.accessToken()).data()
                .path("sessions").get(0).path("id").asText();

        var refused = stack.graphql().post(END_SESSION, Map.of("id", victimSession), attacker.accessToken());
        var unknown = stack.graphql().post(END_SESSION, Map.of("id", UUID.randomUUID().toString()),
                attacker.accessToken());
        var garbage = stack.graphql().post(END_SESSION, Map.of("id", "not-a-session"), attacker.accessToken());

        assertThat(refused.errorCode()).as(refused.body()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(refused.errorMessage()).isEqualTo(unknown.errorMessage()).isEqualTo(garbage.errorMessage());
        assertThat(unknown.errorCode()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(garbage.errorCode()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(stack.graphql().post(PROFILE, Map.of(), victim.accessToken()).errorCode()).isEmpty();
        assertThat(stack.graphql().post(SESSIONS, Map.of(), attacker.accessToken()).data().path("sessions")
                .toString()).doesNotContain(victimSession);
        assertThat(stack.graphql().post(SESSIONS, Map.of()).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void givenDeleteAccount_thenTheRightPasswordIsRequired_andAfterwardsTheUserIsGoneEverywhere(Stack stack)
            throws Exception {
        AccountMailIT.Account account = AccountMailIT.Account.signUp(stack);
        String userId = stack.graphql().post(PROFILE, Map.of(), account.accessToken()).data().path("profile")
                .path("id").asText();
        String other = login(stack, account.username(), STRONG_PASSWORD);
        stack.mail().await(account.email(), 1, MAIL_WAIT);

        var wrong = stack.graphql().post(DELETE_ACCOUNT, Map.of("currentPassword", "not the password at all"),
                account.accessToken());
        assertThat(wrong.errorCode()).as(wrong.body()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrong.errorField()).isEqualTo("currentPassword");
        assertThat(stack.graphql().post(PROFILE, Map.of(), account.accessToken()).errorCode()).isEmpty();

        var deleted = stack.graphql().post(DELETE_ACCOUNT, Map.of("currentPassword", STRONG_PASSWORD),
                account.accessToken());

        assertThat(deleted.data().path("deleteAccount").asBoolean()).as(deleted.body()).isTrue();
        assertThat(stack.graphql().post(PROFILE, Map.of(), account.accessToken()).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        Eventually.within(REVOKED_WITHIN, "the other session's token refused", () -> stack.graphql()
                .post(PROFILE, Map.of(), other).errorCode().equals("UNAUTHENTICATED"));
        assertThat(stack.graphql().post(LOGIN, Operations.loginInput(account.username(), STRONG_PASSWORD))
                .errorCode()).isEqualTo("INVALID_CREDENTIALS");
        // Signed with the gateway's key for a session never revoked: only the user's absence can refuse it, so
        // the cache-service (Redis and near caches) must no longer serve the user.
        String stillValidLooking = new TokenForge(stack.signingKey()).resigned(account.accessToken(), header -> {
        }, claims -> claims.put("sid", UUID.randomUUID().toString()).put("jti", UUID.randomUUID().toString()));
        var profile = stack.graphql().post(PROFILE, Map.of(), stillValidLooking);
        assertThat(profile.errorCode()).as(profile.body()).isEqualTo("UNAUTHENTICATED");
        assertThat(stack.countUsers("id = ?::uuid", userId)).isZero();
        assertThat(stack.countRows("sessions", "user_id = ?::uuid", userId)).isZero();
        TestMail.Mail notice = stack.mail().await(account.email(), 2, MAIL_WAIT).get(1);
        assertThat(notice.subject()).isEqualTo("Your account was deleted");
    }

    @Test
    void givenExportAccount_thenTheDocumentHoldsTheAccountAndNoSecret(Stack stack) throws Exception {
        AccountMailIT.Account account = AccountMailIT.Account.signUp(stack);

        var exported = stack.graphql().post(EXPORT_ACCOUNT, Map.of(), account.accessToken());

        assertThat(exported.errorCode()).as(exported.body()).isEmpty();
        String text = exported.data().path("exportAccount").asText();
        JsonNode document = JSON.readTree(text);
        assertThat(document.path("format").asText()).isEqualTo("authgateway.account-export.v1");
        assertThat(document.path("account").path("username").asText()).isEqualTo(account.username());
        assertThat(document.path("account").path("createdAt").asText()).endsWith("Z");
        assertThat(document.path("email").path("address").asText()).isEqualTo(account.email());
        assertThat(document.path("email").path("verified").asBoolean()).isFalse();
        assertThat(document.path("secondFactor").path("totpEnabled").asBoolean()).isFalse();
        assertThat(document.path("sessions")).hasSize(1);
        assertThat(document.path("sessions").get(0).path("current").asBoolean()).isTrue();
        assertThat(text).doesNotContain(account.refreshToken()).doesNotContain(account.accessToken())
                .doesNotContain("argon2").doesNotContain(STRONG_PASSWORD);
        assertThat(stack.graphql().post(EXPORT_ACCOUNT, Map.of()).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void givenAnEmailChange_thenTheNewAddressConfirmsIt_theOldIsTold_andTheProfileShowsItAtOnce(Stack stack)
            throws Exception {
        AccountMailIT.Account account = AccountMailIT.Account.signUp(stack);
        String newEmail = "moved-" + account.username() + "@example.org";
        assertThat(stack.graphql().post(PROFILE, Map.of(), account.accessToken()).data().path("profile")
                .path("email").asText()).as("cached with the old address").isEqualTo(account.email());

        var wrong = stack.graphql().post(REQUEST_EMAIL_CHANGE, Map.of("newEmail", newEmail,
                "currentPassword", "not the password at all"), account.accessToken());
        assertThat(wrong.errorCode()).as(wrong.body()).isEqualTo("INVALID_CREDENTIALS");
        var asked = stack.graphql().post(REQUEST_EMAIL_CHANGE, Map.of("newEmail", newEmail,
                "currentPassword", STRONG_PASSWORD), account.accessToken());
        assertThat(asked.data().path("requestEmailChange").asBoolean()).as(asked.body()).isTrue();

        TestMail.Mail link = stack.mail().await(newEmail, 1, MAIL_WAIT).getFirst();
        assertThat(link.subject()).isEqualTo("Confirm your new email address");
        TestMail.Mail notice = stack.mail().await(account.email(), 2, MAIL_WAIT).stream()
                .filter(mail -> mail.subject().equals("A change of your email address was requested"))
                .findFirst().orElseThrow();
        assertThat(notice.text()).contains(newEmail);
        assertThat(notice.token()).isEmpty();
        String token = link.token().orElseThrow();

        var confirmed = stack.graphql().post(CONFIRM_EMAIL_CHANGE, Map.of("token", token));

        assertThat(confirmed.data().path("confirmEmailChange").asBoolean()).as(confirmed.body()).isTrue();
        var profile = stack.graphql().post(PROFILE, Map.of(), account.accessToken());
        assertThat(profile.data().path("profile").path("email").asText()).as("right after the answer")
                .isEqualTo(newEmail);
        assertThat(stack.graphql().post(EMAIL_VERIFIED, Map.of(), account.accessToken()).data().path("profile")
                .path("emailVerified").asBoolean()).isTrue();
        assertThat(stack.graphql().post(CONFIRM_EMAIL_CHANGE, Map.of("token", token)).errorCode())
                .isEqualTo("INVALID_TOKEN");
        assertThat(login(stack, newEmail, STRONG_PASSWORD)).isNotBlank();
        assertThat(stack.graphql().post(LOGIN, Operations.loginInput(account.email(), STRONG_PASSWORD)).errorCode())
                .isEqualTo("INVALID_CREDENTIALS");
    }

    private static String login(Stack stack, String login, String password) {
        var response = stack.graphql().post(LOGIN, Operations.loginInput(login, password));
        assertThat(response.errorCode()).as(response.body()).isEmpty();
        return response.data().path("login").path("accessToken").asText();
    }
}
