package dev.authgateway.systemtest.abuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.OwnGateway;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account lockout cannot be side-stepped: not by sending the guesses at once, not by switching between
 * username and email, not by another Unicode spelling of the login. Runs on a gateway with counters of its own.
 */
@ExtendWith(StackExtension.class)
class LockoutIT {

    private static final String WRONG = "not the password at all";
    private static final int LIMIT = 5;

    @RegisterExtension
    static final OwnGateway gateway = new OwnGateway("lockout");
    private static final GraphQlClient graphql = gateway.graphql();

    @Test
    void givenTwelveSimultaneousWrongLogins_thenAtMostTheLimitAreCheckedAndTheRestAreRateLimited() throws Exception {
        Map<String, Object> signup = Operations.newSignup();
        String victim = signUp(signup);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            guesses.add(() -> {
                start.await();
                return graphql.post(LOGIN, Operations.loginInput(victim, WRONG)).errorCode();
            });
        }
        List<String> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> pending = guesses.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<String> answer : pending) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        // OVERLOADED: the gateway's admission control refused the guess before anything was checked.
        assertThat(answers).as("answers to 12 simultaneous wrong logins").isSubsetOf("INVALID_CREDENTIALS",
                "RATE_LIMITED", "OVERLOADED");
        long checked = answers.stream().filter("INVALID_CREDENTIALS"::equals).count();
        assertThat(checked).isLessThanOrEqualTo(LIMIT);
        while (checked < LIMIT && !answers.contains("RATE_LIMITED")) {
            String answer = graphql.post(LOGIN, Operations.loginInput(victim, WRONG)).errorCode();
            assertThat(answer).isIn("INVALID_CREDENTIALS", "RATE_LIMITED");
            answers.add(answer);
            checked += "INVALID_CREDENTIALS".equals(answer) ? 1 : 0;
        }
        assertThat(graphql.post(LOGIN, Operations.loginInput(victim, STRONG_PASSWORD)).errorCode())
                .as("the right password while locked").isEqualTo("RATE_LIMITED");
    }

    @Test
    void givenTheAccountLockedByUsername_thenItsEmailWithTheRightPasswordIsRateLimited() {
        String username = signUp(Operations.newSignup());
        lock(username);

        var byEmail = graphql.post(LOGIN, Operations.loginInput(username.toUpperCase() + "@example.com",
                STRONG_PASSWORD));

        assertThat(byEmail.errorCode()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void givenTheAccountLockedByEmail_thenItsUsernameWithTheRightPasswordIsRateLimited() {
        String username = signUp(Operations.newSignup());
        lock(username + "@example.com");

        assertThat(graphql.post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD)).errorCode())
                .isEqualTo("RATE_LIMITED");
    }

    @Test
    void givenTheAccountLockedAsRti_thenTheDottedCapitalISpellingWithTheRightPasswordIsRateLimited() {
        String username = Operations.uniqueName("rti");
        signUp(Operations.signupInput(username, username + "@example.com", STRONG_PASSWORD, "Rti"));
        lock(username);

        String dotted = "rt\u0130" + username.substring(3);
        var otherSpelling = graphql.post(LOGIN, Operations.loginInput(dotted, STRONG_PASSWORD));
        var fullWidth = graphql.post(LOGIN, Operations.loginInput("\uff52\uff54\uff49" + username.substring(3),
                STRONG_PASSWORD));

        assertThat(otherSpelling.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(fullWidth.errorCode()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void givenTheAccountLockedByTheDottedCapitalI_thenThePlainSpellingIsRateLimitedAndBothLogInOnceUnlocked() {
        String username = Operations.uniqueName("rti");
        signUp(Operations.signupInput(username, username + "@example.com", STRONG_PASSWORD, "Rti"));
        String dotted = "RT\u0130" + username.substring(3);

        var dottedLogin = graphql.post(LOGIN, Operations.loginInput(dotted, STRONG_PASSWORD));
        assertThat(dottedLogin.data().path("login").path("user").path("username").asText()).isEqualTo(username);
        lock(dotted);

        assertThat(graphql.post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD)).errorCode())
                .isEqualTo("RATE_LIMITED");
    }

    @Test
    void givenAnUnknownLoginGuessedPastTheLimit_thenItIsRateLimitedLikeAnAccount() {
        String nobody = Operations.uniqueName("nobody");
        lock(nobody);

        assertThat(graphql.post(LOGIN, Operations.loginInput(nobody.toUpperCase(), WRONG)).errorCode())
                .isEqualTo("RATE_LIMITED");
    }

    private static void lock(String login) {
        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            assertThat(graphql.post(LOGIN, Operations.loginInput(login, WRONG)).errorCode())
                    .as("guess " + attempt + " at " + login).isEqualTo("INVALID_CREDENTIALS");
        }
    }

    private static String signUp(Map<String, Object> input) {
        return graphql.post(SIGNUP, input).data().path("signup").path("user").path("username").asText();
    }
}
