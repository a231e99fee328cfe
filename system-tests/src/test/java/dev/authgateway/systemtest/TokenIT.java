package dev.authgateway.systemtest;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.Operations.PROFILE;
import static dev.authgateway.systemtest.Operations.SIGNUP;
import static dev.authgateway.systemtest.Operations.UPDATE_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile answers only to a token the gateway signed, unaltered and unexpired. */
@ExtendWith(StackExtension.class)
class TokenIT {

    private String userId;
    private String token;

    @BeforeEach
    void signUp(Stack stack) {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        userId = signup.data().path("signup").path("user").path("id").asText();
        token = signup.data().path("signup").path("accessToken").asText();
    }

    @Test
    void givenNoToken_thenUnauthenticated(Stack stack) {
        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of()));
    }

    @Test
    void givenAGarbledToken_thenUnauthenticated(Stack stack) {
        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of(), "not.a.jwt"));
        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of(), "%%%"));
    }

    @Test
    void givenATamperedToken_thenUnauthenticated(Stack stack) {
        var other = stack.graphql().post(SIGNUP, Operations.newSignup());
        String otherId = other.data().path("signup").path("user").path("id").asText();

        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of(), TokenForge.withSubjectReplaced(token, otherId)));
    }

    @Test
    void givenAnExpiredToken_thenUnauthenticated(Stack stack) {
        String expired = new TokenForge(stack.signingKey()).expired(userId);
        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of(), expired));
    }

    @Test
    void givenATokenSignedByAnotherKey_thenUnauthenticated(Stack stack) {
        String forged = new TokenForge(stack.signingKey()).signedByAnotherKey(userId);
        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of(), forged));
    }

    @Test
    void givenAnUnsignedAlgNoneToken_thenUnauthenticated(Stack stack) {
        String unsigned = new TokenForge(stack.signingKey()).unsigned(userId);
        assertUnauthenticated(stack.graphql().post(PROFILE, Map.of(), unsigned));
    }

    @Test
    void givenAnInvalidToken_thenUpdateProfileIsRefusedAndNothingChanges(Stack stack) throws Exception {
        String forged = new TokenForge(stack.signingKey()).signedByAnotherKey(userId);

        var response = stack.graphql().post(UPDATE_PROFILE, Map.of("input", Map.of("displayName", "Mallory")), forged);

        assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(stack.countUsers("display_name = ?", "Mallory")).isZero();
    }

    @Test
    void givenTheRealToken_thenTheProfileIsAnswered(Stack stack) {
        var response = stack.graphql().post(PROFILE, Map.of(), token);
        assertThat(response.data().path("profile").path("id").asText()).isEqualTo(userId);
    }

    private static void assertUnauthenticated(GraphQlClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errorCode()).as(response.body()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.data().path("profile").isNull() || response.data().isNull()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }
}
