package dev.authgateway.systemtest.abuse;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Password guessing is limited per account across gateway replicas, because the counts live in Redis. */
@ExtendWith(StackExtension.class)
class BruteForceIT {

    private static final String WRONG = "not the password at all";

    @Test
    void givenGuessesSpreadOverTwoGateways_thenTheSixthIsRateLimitedEvenWithTheRightPassword(Stack stack)
            throws Exception {
        String victim = signUp(stack);
        GraphQlClient[] gateways = {stack.graphql(), stack.secondGraphql()};

        for (int attempt = 0; attempt < 5; attempt++) {
            var guess = gateways[attempt % 2].post(LOGIN, Operations.loginInput(victim, WRONG));
            assertThat(guess.errorCode()).as("attempt " + (attempt + 1)).isEqualTo("INVALID_CREDENTIALS");
        }
        var limited = gateways[1].post(LOGIN, Operations.loginInput(victim.toUpperCase(), WRONG));
        var evenRight = gateways[0].post(LOGIN, Operations.loginInput(victim, STRONG_PASSWORD));

        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(limited.json().path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong())
                .isBetween(1L, 900L);
        assertThat(evenRight.errorCode()).isEqualTo("RATE_LIMITED");

        String bystander = signUp(stack);
        var unaffected = stack.graphql().post(LOGIN, Operations.loginInput(bystander, STRONG_PASSWORD));
        assertThat(unaffected.data().path("login").path("accessToken").asText()).isNotBlank();
    }

    @Test
    void givenASuccessfulLogin_thenTheAccountsFailuresStartOver(Stack stack) {
        String user = signUp(stack);
        for (int attempt = 0; attempt < 4; attempt++) {
            stack.graphql().post(LOGIN, Operations.loginInput(user, WRONG));
        }
        var success = stack.graphql().post(LOGIN, Operations.loginInput(user, STRONG_PASSWORD));
        assertThat(success.data().path("login").path("accessToken").asText()).isNotBlank();

        for (int attempt = 0; attempt < 4; attempt++) {
            assertThat(stack.graphql().post(LOGIN, Operations.loginInput(user, WRONG)).errorCode())
                    .isEqualTo("INVALID_CREDENTIALS");
        }
    }

    private static String signUp(Stack stack) {
        return stack.graphql().post(SIGNUP, Operations.newSignup())
                .data().path("signup").path("user").path("username").asText();
    }
}
