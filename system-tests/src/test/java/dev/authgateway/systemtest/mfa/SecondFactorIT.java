package dev.authgateway.systemtest.mfa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authgateway.systemtest.harness.Authenticator;
import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.OwnGateway;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP second factors end to end over GraphQL, as a frontend and an authenticator app use them: enrolment from the
 * otpauth URI, login answering MFA_REQUIRED with a challenge, codes that work once, recovery codes, guessing limited,
 * challenges that are gone refused alike, disabling. Codes come from {@link Authenticator} (the JDK, not the store's
 * library); a second code uses the next time step, which the gateway accepts as one step of clock skew. Runs on a
 * gateway with attempt counters of its own.
 */
@ExtendWith(StackExtension.class)
@Timeout(120)
class SecondFactorIT {

    static final String ENROLL = "mutation { enrollTotp { otpauthUri qrCodeSvg secret } }";
    static final String CONFIRM = "mutation Confirm($code: String!) { confirmTotp(code: $code) { recoveryCodes } }";
    static final String VERIFY = "mutation Verify($challenge: String!, $code: String!) { verifySecondFactor("
            + "challenge: $challenge, code: $code) { accessToken tokenType expiresIn refreshToken refreshExpiresIn "
            + "user { id username secondFactorEnabled } } }";
    static final String DISABLE = "mutation Disable($code: String!) { disableTotp(code: $code) }";
    static final String ENABLED = "query { profile { id secondFactorEnabled } }";

    @RegisterExtension
    static final OwnGateway gateway = new OwnGateway("mfa");
    private static final GraphQlClient graphql = gateway.graphql();

    /** An account with a confirmed factor: its username, the app, the step it confirmed with, its recovery codes. */
    private record Enrolled(String username, String userId, Authenticator app, long confirmedStep,
                            List<String> recoveryCodes) {
    }

    @Test
    void givenAnEnrolledAccount_thenLoginNeedsACodeFromTheApp_andEachCodeWorksOnce() {
        Map<String, Object> signup = Operations.newSignup();
        String username = username(signup);
        String token = graphql.post(SIGNUP, signup).data().path("signup").path("accessToken").asText();
        assertThat(graphql.post(ENABLED, Map.of(), token).data().path("profile").path("secondFactorEnabled")
                .asBoolean(true)).isFalse();

        JsonNode enrolment = graphql.post(ENROLL, Map.of(), token).data().path("enrollTotp");
        String uri = enrolment.path("otpauthUri").asText();
        assertThat(uri).startsWith("otpauth://totp/authgateway:" + username + "?secret=")
                .contains("&issuer=authgateway&algorithm=SHA1&digits=6&period=30")
                .contains("secret=" + enrolment.path("secret").asText() + "&");
        assertThat(enrolment.path("qrCodeSvg").asText()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .doesNotContain("otpauth", "<script");
        assertThat(graphql.post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD)).errorCode())
                .as("pending: login does not ask for it yet").isEmpty();

        Authenticator app = Authenticator.fromUri(uri);
        long step = Authenticator.currentStep();
        List<String> recoveryCodes = codes(graphql.post(CONFIRM, Map.of("code", app.code(step)), token));
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(graphql.post(ENABLED, Map.of(), token).data().path("profile").path("secondFactorEnabled")
                .asBoolean()).isTrue();
        assertThat(graphql.post("mutation { logout }", Map.of(), token).data().path("logout").asBoolean()).isTrue();

        GraphQlClient.Response login = graphql.post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD));
        assertThat(login.errorCode()).isEqualTo("MFA_REQUIRED");
        assertThat(login.data().isNull()).as("no tokens before the code").isTrue();
        JsonNode extensions = login.json().path("errors").path(0).path("extensions");
        String challenge = extensions.path("challenge").asText();
        assertThat(challenge).hasSizeGreaterThanOrEqualTo(43);
        assertThat(extensions.path("challengeExpiresInSeconds").asLong()).isBetween(1L, 300L);

        assertThat(verify(challenge, wrongCode(app, step)).errorCode()).isEqualTo("INVALID_CREDENTIALS");
        GraphQlClient.Response verified = verify(challenge, app.code(step + 1));
        JsonNode session = verified.data().path("verifySecondFactor");
        assertThat(verified.errorCode()).isEmpty();
        assertThat(session.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(session.path("refreshToken").asText()).isNotEmpty();
        assertThat(session.path("user").path("username").asText()).isEqualTo(username);
        assertThat(session.path("user").path("secondFactorEnabled").asBoolean()).isTrue();
        String accessToken = session.path("accessToken").asText();
        assertThat(graphql.post(Operations.PROFILE, Map.of(), accessToken).data().path("profile").path("username")
                .asText()).as("the session works").isEqualTo(username);
        assertThat(graphql.post(Operations.REFRESH, Map.of("token", session.path("refreshToken").asText()))
                .data().path("refreshToken").path("accessToken").asText()).isNotEmpty();

        assertThat(verify(challenge, app.code(step + 1)).errorCode()).as("the challenge is spent")
                .isEqualTo("UNAUTHENTICATED");
        String second = challengeOf(username);
        assertThat(verify(second, app.code(step + 1)).errorCode()).as("the same code again: replay")
                .isEqualTo("INVALID_CREDENTIALS");

        GraphQlClient.Response byRecovery = verify(second, recoveryCodes.getFirst());
        assertThat(byRecovery.errorCode()).isEmpty();
        assertThat(graphql.post(Operations.PROFILE, Map.of(), byRecovery.data().path("verifySecondFactor")
                .path("accessToken").asText()).data().path("profile").path("username").asText()).isEqualTo(username);
        assertThat(verify(challengeOf(username), recoveryCodes.getFirst()).errorCode())
                .as("a recovery code works once").isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void givenGuessedCodes_thenRateLimitedWithRetryAfter_andTheChallengeIsBurnt(Stack stack) throws Exception {
        Enrolled ada = enrolled();
        String challenge = challengeOf(ada.username());
        String wrong = wrongCode(ada.app(), ada.confirmedStep());

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(verify(challenge, wrong).errorCode());
        }
        GraphQlClient.Response limited = verify(challenge, ada.app().code(ada.confirmedStep() + 1));

        assertThat(answers).containsOnly("INVALID_CREDENTIALS");
        assertThat(limited.errorCode()).as("even the right code").isEqualTo("RATE_LIMITED");
        assertThat(limited.json().path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong())
                .isBetween(1L, 900L);
        assertThat(verify(challengeOf(ada.username()), ada.app().code(ada.confirmedStep() + 1)).errorCode())
                .as("a new challenge for the same user while locked").isEqualTo("RATE_LIMITED");
        assertThat(stack.countRows("second_factor_challenges", "user_id = ?::uuid AND failures >= 5 AND used_at IS NULL",
                ada.userId())).as("the guessed challenge is burnt in the store").isEqualTo(1);
    }

    @Test
    void givenAChallengeExpiredGarbageOrSpent_thenUnauthenticatedAlike_andAnotherUsersCodeIsAWrongCode(Stack stack)
            throws Exception {
        Enrolled ada = enrolled();
        Enrolled bob = enrolled();
        String code = ada.app().code(ada.confirmedStep() + 1);

        String expired = challengeOf(ada.username());
        stack.updateDatabase("UPDATE second_factor_challenges SET expires_at = now() - interval '1 second' "
                + "WHERE user_id = ?::uuid", ada.userId());
        List<String> refusals = new ArrayList<>();
        for (String challenge : List.of(expired, "garbage", "", "A".repeat(43), "x".repeat(4000))) {
            GraphQlClient.Response refused = verify(challenge, code);
            assertThat(refused.data().isNull()).isTrue();
            refusals.add(refused.errorCode());
        }
        assertThat(refusals).containsOnly("UNAUTHENTICATED");

        String adas = challengeOf(ada.username());
        assertThat(verify(adas, bob.app().code(bob.confirmedStep() + 1)).errorCode())
                .as("bob's code for ada's challenge").isEqualTo("INVALID_CREDENTIALS");
        assertThat(verify(adas, bob.recoveryCodes().getFirst()).errorCode())
                .as("bob's recovery code for ada's challenge").isEqualTo("INVALID_CREDENTIALS");
        GraphQlClient.Response adaIn = verify(adas, code);
        assertThat(adaIn.data().path("verifySecondFactor").path("user").path("id").asText()).isEqualTo(ada.userId());
        assertThat(verify(challengeOf(bob.username()), bob.recoveryCodes().getFirst()).errorCode())
                .as("bob's recovery code was not used up on ada's challenge").isEmpty();
    }

    @Test
    void givenDisabling_thenItNeedsARightCode_andLoginNoLongerAsks() {
        Enrolled ada = enrolled();
        String token = session(ada, ada.recoveryCodes().get(1));

        assertThat(graphql.post(ENROLL, Map.of(), token).errorCode()).as("already enabled").isEqualTo("CONFLICT");
        assertThat(graphql.post(DISABLE, Map.of("code", "wrong-code"), token).errorCode())
                .isEqualTo("INVALID_CREDENTIALS");
        assertThat(graphql.post(DISABLE, Map.of("code", ada.recoveryCodes().get(2))).errorCode())
                .as("without a token").isEqualTo("UNAUTHENTICATED");
        assertThat(graphql.post(DISABLE, Map.of("code", ada.recoveryCodes().get(2)), token).data()
                .path("disableTotp").asBoolean()).isTrue();

        assertThat(graphql.post(ENABLED, Map.of(), token).data().path("profile").path("secondFactorEnabled")
                .asBoolean(true)).isFalse();
        GraphQlClient.Response login = graphql.post(LOGIN, Operations.loginInput(ada.username(), STRONG_PASSWORD));
        assertThat(login.errorCode()).isEmpty();
        assertThat(login.data().path("login").path("accessToken").asText()).isNotEmpty();
        assertThat(graphql.post(DISABLE, Map.of("code", ada.recoveryCodes().get(3)), token).errorCode())
                .as("nothing to disable").isEqualTo("CONFLICT");
        assertThat(graphql.post(ENROLL, Map.of()).errorCode()).as("without a token").isEqualTo("UNAUTHENTICATED");
    }

    private static Enrolled enrolled() {
        Map<String, Object> signup = Operations.newSignup();
        JsonNode created = graphql.post(SIGNUP, signup).data().path("signup");
        String token = created.path("accessToken").asText();
        Authenticator app = Authenticator.fromUri(graphql.post(ENROLL, Map.of(), token).data().path("enrollTotp")
                .path("otpauthUri").asText());
        long step = Authenticator.currentStep();
        List<String> codes = codes(graphql.post(CONFIRM, Map.of("code", app.code(step)), token));
        assertThat(codes).hasSize(10);
        return new Enrolled(username(signup), created.path("user").path("id").asText(), app, step, codes);
    }

    /** Logs in with the password and answers the challenge with this code: the new session's access token. */
    private static String session(Enrolled account, String code) {
        GraphQlClient.Response verified = verify(challengeOf(account.username()), code);
        assertThat(verified.errorCode()).isEmpty();
        return verified.data().path("verifySecondFactor").path("accessToken").asText();
    }

    private static String challengeOf(String username) {
        GraphQlClient.Response login = graphql.post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD));
        assertThat(login.errorCode()).isEqualTo("MFA_REQUIRED");
        return login.json().path("errors").path(0).path("extensions").path("challenge").asText();
    }

    private static GraphQlClient.Response verify(String challenge, String code) {
        return graphql.post(VERIFY, Map.of("challenge", challenge, "code", code));
    }

    private static List<String> codes(GraphQlClient.Response confirmed) {
        assertThat(confirmed.errorCode()).as(confirmed.body()).isEmpty();
        List<String> codes = new ArrayList<>();
        confirmed.data().path("confirmTotp").path("recoveryCodes").forEach(code -> codes.add(code.asText()));
        return codes;
    }

    /** A code no step near this one has (the odds of a clash are 3 in a million, but the test must not flake). */
    private static String wrongCode(Authenticator app, long step) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!code.equals(app.code(step - 1)) && !code.equals(app.code(step)) && !code.equals(app.code(step + 1))
                    && !code.equals(app.code(step + 2))) {
                return code;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String username(Map<String, Object> signup) {
        return (String) ((Map<String, Object>) signup.get("input")).get("username");
    }
}
