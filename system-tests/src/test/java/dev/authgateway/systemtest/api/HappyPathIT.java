package dev.authgateway.systemtest.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authgateway.systemtest.harness.Eventually;
import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.UPDATE_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(StackExtension.class)
class HappyPathIT {

    @Test
    void givenANewUser_whenSignupLoginProfileUpdateProfile_thenProfileShowsTheNewName(Stack stack) throws Exception {
        GraphQlClient graphql = stack.graphql();
        Map<String, Object> signupInput = Operations.newSignup();
        @SuppressWarnings("unchecked")
        Map<String, String> input = (Map<String, String>) signupInput.get("input");

        var signup = graphql.post(SIGNUP, signupInput);
        assertThat(signup.status()).isEqualTo(200);
        assertThat(signup.contentType()).startsWith(GraphQlClient.GRAPHQL_RESPONSE);
        assertThat(signup.json().has("errors")).as(signup.body()).isFalse();
        JsonNode signedUp = signup.data().path("signup");
        assertThat(signedUp.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(signedUp.path("expiresIn").asInt()).isPositive();
        String userId = signedUp.path("user").path("id").asText();
        assertThat(signedUp.path("user").path("username").asText()).isEqualTo(input.get("username"));
        assertThat(Instant.parse(signedUp.path("user").path("createdAt").asText())).isBefore(Instant.now());

        var login = graphql.post(LOGIN, Operations.loginInput(input.get("username").toUpperCase(), STRONG_PASSWORD));
        assertThat(login.json().has("errors")).as(login.body()).isFalse();
        String token = login.data().path("login").path("accessToken").asText();
        assertThat(login.data().path("login").path("user").path("id").asText()).isEqualTo(userId);

        var loginByEmail = graphql.post(LOGIN, Operations.loginInput(input.get("email"), STRONG_PASSWORD));
        assertThat(loginByEmail.data().path("login").path("user").path("id").asText()).isEqualTo(userId);

        var profile = graphql.post(PROFILE, Map.of(), token);
        assertThat(profile.json().has("errors")).as(profile.body()).isFalse();
        assertThat(profile.data().path("profile").path("displayName").asText()).isEqualTo(input.get("displayName"));
        assertThat(profile.data().path("profile").path("email").asText()).isEqualTo(input.get("email"));
        // A read the cache-service is slow to answer is hedged to the store; the cache-service still fills Redis.
        Eventually.within(Duration.ofSeconds(10), "the profile read went through Redis",
                () -> stack.redisKeys().stream().anyMatch(key -> key.contains(userId)));

        var update = graphql.post(UPDATE_PROFILE, Map.of("input", Map.of("displayName", "Grace Hopper")), token);
        assertThat(update.json().has("errors")).as(update.body()).isFalse();
        assertThat(update.data().path("updateProfile").path("displayName").asText()).isEqualTo("Grace Hopper");

        var profileAfter = graphql.post(PROFILE, Map.of(), token);
        assertThat(profileAfter.data().path("profile").path("displayName").asText()).isEqualTo("Grace Hopper");
        var profileAgain = graphql.post(PROFILE, Map.of(), token);
        assertThat(profileAgain.data().path("profile").path("displayName").asText()).isEqualTo("Grace Hopper");
    }

    @Test
    void givenAQueryByGet_thenItIsAnswered(Stack stack) {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String token = signup.data().path("signup").path("accessToken").asText();

        var response = stack.graphql().raw(stack.graphql()
                .request("/graphql?query=" + java.net.URLEncoder.encode(PROFILE, java.nio.charset.StandardCharsets.UTF_8))
                .header("Accept", GraphQlClient.GRAPHQL_RESPONSE)
                .header("Authorization", "Bearer " + token)
                .GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("profile").path("id").asText())
                .isEqualTo(signup.data().path("signup").path("user").path("id").asText());
    }

    @Test
    void givenTheGateway_thenItPublishesItsSchemaAndSigningKeys(Stack stack) {
        var schema = stack.graphql().raw(stack.graphql().request("/graphql/schema.graphql").GET());
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).contains("signup(input: SignupInput!)").contains("type User");

        var jwks = stack.graphql().raw(stack.graphql().request("/.well-known/jwks.json").GET());
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().path("keys").path(0);
        assertThat(key.path("kid").asText()).isEqualTo(stack.signingKey().keyId());
        assertThat(key.path("kty").asText()).isEqualTo("EC");
        assertThat(key.has("d")).as("no private part is published").isFalse();
    }
}
