package dev.authgateway.systemtest.api;

import java.util.Map;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.LOGOUT;
import static dev.authgateway.systemtest.harness.Operations.LOGOUT_EVERYWHERE;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.REFRESH;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens rotate, a reused one ends its session, and ended sessions' access tokens stop working. */
@ExtendWith(StackExtension.class)
class SessionsIT {

    @Test
    void givenARefreshTokenUsedTwice_thenTheSessionEndsAndItsAccessTokensAreRefused(Stack stack) {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String firstRefresh = signup.data().path("signup").path("refreshToken").asText();
        String firstAccess = signup.data().path("signup").path("accessToken").asText();

        var refreshed = stack.graphql().post(REFRESH, Map.of("token", firstRefresh));
        String secondAccess = refreshed.data().path("refreshToken").path("accessToken").asText();
        String secondRefresh = refreshed.data().path("refreshToken").path("refreshToken").asText();
        assertThat(secondRefresh).as(refreshed.body()).isNotBlank().isNotEqualTo(firstRefresh);
        assertThat(refreshed.data().path("refreshToken").path("refreshExpiresIn").asLong()).isPositive();
        assertThat(profileCode(stack, secondAccess)).isEmpty();

        var replay = stack.graphql().post(REFRESH, Map.of("token", firstRefresh));

        assertThat(replay.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(replay.errorMessage()).contains("already used");
        assertThat(profileCode(stack, firstAccess)).isEqualTo("UNAUTHENTICATED");
        assertThat(profileCode(stack, secondAccess)).isEqualTo("UNAUTHENTICATED");
        assertThat(stack.graphql().post(REFRESH, Map.of("token", secondRefresh)).errorCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void givenLogout_thenThatSessionsTokensStopWorkingButOtherSessionsGoOn(Stack stack) {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String username = signup.data().path("signup").path("user").path("username").asText();
        String phoneAccess = signup.data().path("signup").path("accessToken").asText();
        String phoneRefresh = signup.data().path("signup").path("refreshToken").asText();
        var laptop = stack.graphql().post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD));
        String laptopAccess = laptop.data().path("login").path("accessToken").asText();

        var logout = stack.graphql().post(LOGOUT, Map.of(), phoneAccess);

        assertThat(logout.data().path("logout").asBoolean()).as(logout.body()).isTrue();
        assertThat(profileCode(stack, phoneAccess)).isEqualTo("UNAUTHENTICATED");
        assertThat(stack.graphql().post(REFRESH, Map.of("token", phoneRefresh)).errorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(profileCode(stack, laptopAccess)).isEmpty();
    }

    @Test
    void givenLogoutEverywhere_thenEverySessionEndsOnEveryReplica(Stack stack) throws Exception {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String username = signup.data().path("signup").path("user").path("username").asText();
        String phoneAccess = signup.data().path("signup").path("accessToken").asText();
        String laptopAccess = stack.graphql().post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD))
                .data().path("login").path("accessToken").asText();
        GraphQlClient replica = stack.secondGraphql();
        assertThat(replica.post(PROFILE, Map.of(), laptopAccess).errorCode()).isEmpty();

        var everywhere = stack.graphql().post(LOGOUT_EVERYWHERE, Map.of(), phoneAccess);
        assertThat(everywhere.data().path("logoutEverywhere").asBoolean()).as(everywhere.body()).isTrue();

        assertThat(profileCode(stack, laptopAccess)).isEqualTo("UNAUTHENTICATED");
        String onReplica = "";
        for (int attempt = 0; attempt < 50 && onReplica.isEmpty(); attempt++) {
            onReplica = replica.post(PROFILE, Map.of(), laptopAccess).errorCode();
            if (onReplica.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(onReplica).as("seen by the other replica within the recheck interval").isEqualTo("UNAUTHENTICATED");
    }

    private static String profileCode(Stack stack, String accessToken) {
        return stack.graphql().post(PROFILE, Map.of(), accessToken).errorCode();
    }
}
