package dev.authgateway.systemtest.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.UPDATE_PROFILE;
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
    void givenTokensSignedWithTheGatewaysKeyButMalformed_thenUnauthenticatedAndNoStackTraceInTheLog(Stack stack)
            throws Exception {
        TokenForge forge = new TokenForge(stack.signingKey());
        Consumer<ObjectNode> unchanged = json -> { };
        long now = Instant.now().getEpochSecond();
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("exp \"abc\"", forge.resigned(token, unchanged, claims -> claims.put("exp", "abc")));
        hostile.put("exp an object", forge.resigned(token, unchanged, claims -> claims.putObject("exp").put("s", 1)));
        hostile.put("aud a number", forge.resigned(token, unchanged, claims -> claims.put("aud", 5)));
        hostile.put("sub an array", forge.resigned(token, unchanged, claims -> claims.putArray("sub").add(userId)));
        hostile.put("crit", forge.resigned(token, header -> header.putArray("crit").add("exp"), unchanged));
        hostile.put("a day's lifetime", forge.resigned(token, unchanged,
                claims -> claims.put("exp", claims.get("iat").asLong() + 86_400)));
        hostile.put("iat an hour ahead", forge.resigned(token, unchanged,
                claims -> claims.put("iat", now + 3600).put("exp", now + 3600 + 600)));
        hostile.put("no iat", forge.resigned(token, unchanged, claims -> claims.remove("iat")));
        hostile.put("5 KiB long", forge.resigned(token, unchanged, claims -> claims.put("note", "x".repeat(5000))));
        String resignedAsIs = forge.resigned(token, unchanged, unchanged);
        assertThat(stack.graphql().post(PROFILE, Map.of(), resignedAsIs).data().path("profile").path("id").asText())
                .as("the real token, re-signed unchanged").isEqualTo(userId);
        int logBefore = stack.gatewayLog().length();

        hostile.forEach((name, forged) -> {
            var response = stack.graphql().post(PROFILE, Map.of(), forged);
            assertThat(response.errorCode()).as(name + ": " + response.body()).isEqualTo("UNAUTHENTICATED");
        });

        String logged = stack.gatewayLog().substring(logBefore);
        assertThat(logged).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("SEVERE");
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
