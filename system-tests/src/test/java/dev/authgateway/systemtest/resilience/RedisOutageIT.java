package dev.authgateway.systemtest.resilience;

import java.util.Map;

import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.testing.RedisProcess;
import dev.authgateway.testing.TestRedis;
import org.junit.jupiter.api.Test;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.UPDATE_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis gone entirely: profile, login and signup keep working from PostgreSQL; a profile update that cannot clear the
 * cache is saved but reported UNAVAILABLE, never as a success that could be followed by a stale read.
 */
class RedisOutageIT {

    @Test
    void givenRedisKilled_thenReadsLoginsAndSignupsStillWork() throws Exception {
        try (RedisProcess redis = RedisProcess.master();
             Stack stack = Stack.start(TestRedis.at(redis.address()))) {
            var ada = stack.graphql().post(SIGNUP, Operations.newSignup());
            String username = ada.data().path("signup").path("user").path("username").asText();
            String token = ada.data().path("signup").path("accessToken").asText();
            var first = stack.graphql().post(PROFILE, Map.of(), token);
            assertThat(first.data().path("profile").path("username").asText())
                    .as("signup: %s%nprofile: %s", ada.body(), first.body()).isEqualTo(username);

            redis.kill();

            var profile = stack.graphql().post(PROFILE, Map.of(), token);
            assertThat(profile.data().path("profile").path("username").asText()).as(profile.body()).isEqualTo(username);
            var login = stack.graphql().post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD));
            assertThat(login.data().path("login").path("accessToken").asText()).as(login.body()).isNotBlank();
            var newcomer = stack.graphql().post(SIGNUP, Operations.newSignup());
            String newcomerToken = newcomer.data().path("signup").path("accessToken").asText();
            assertThat(newcomerToken).as(newcomer.body()).isNotBlank();
            assertThat(stack.graphql().post(PROFILE, Map.of(), newcomerToken).errorCode()).isEmpty();

            var update = stack.graphql().post(UPDATE_PROFILE, Map.of("input", Map.of("displayName", "Renamed")), token);
            assertThat(update.errorCode()).isEqualTo("UNAVAILABLE");
            assertThat(update.errorMessage()).contains("profile saved");
            assertThat(stack.countUsers("username = ? AND display_name = 'Renamed'", username)).isEqualTo(1);
        }
    }
}
