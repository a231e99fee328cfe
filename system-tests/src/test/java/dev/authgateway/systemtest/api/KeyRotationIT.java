package dev.authgateway.systemtest.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.SigningKey;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import io.helidon.security.jwt.SignedJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.PROFILE;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rotation of ops/runbooks/key-rotation.md, performed: the new key is added beside the old one, then made
 * active; tokens signed by the old key keep working until the old key is removed, and new tokens carry the new kid.
 */
@ExtendWith(StackExtension.class)
class KeyRotationIT {

    @Test
    void givenARotation_thenOldTokensLiveUntilTheOldKeyIsRemovedAndNewTokensUseTheNewKey(Stack stack) throws Exception {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String username = signup.data().path("signup").path("user").path("username").asText();
        String oldToken = signup.data().path("signup").path("accessToken").asText();
        SigningKey oldKey = stack.signingKey();
        SigningKey newKey = SigningKey.generate("rotated-key", Files.createTempDirectory("authgw-rotation"));

        Map<String, String> both = Map.of(
                "app.jwt.keys.0.file", oldKey.pemFile().toString(), "app.jwt.keys.0.key-id", oldKey.keyId(),
                "app.jwt.keys.1.file", newKey.pemFile().toString(), "app.jwt.keys.1.key-id", newKey.keyId(),
                "app.jwt.active-key-id", newKey.keyId());
        try (ServiceProcess rotated = stack.startGateway(both)) {
            GraphQlClient graphql = new GraphQlClient(rotated.baseUrl());

            assertThat(graphql.post(PROFILE, Map.of(), oldToken).errorCode()).as("old token still valid").isEmpty();
            String newToken = graphql.post(LOGIN, Operations.loginInput(username, STRONG_PASSWORD))
                    .data().path("login").path("accessToken").asText();
            assertThat(SignedJwt.parseToken(newToken).getJwt().headers().keyId()).contains(newKey.keyId());
            JsonNode jwks = graphql.raw(graphql.request("/.well-known/jwks.json").GET()).json().path("keys");
            assertThat(Files.readString(rotated.logFile())).contains("\"event\":\"signing_keys.loaded\"")
                    .contains("\"signing\":\"" + newKey.keyId() + "\"");
            assertThat(jwks.findValuesAsText("kid")).containsExactlyInAnyOrder(oldKey.keyId(), newKey.keyId());

            Map<String, String> onlyNew = Map.of(
                    "app.jwt.keys.0.file", newKey.pemFile().toString(), "app.jwt.keys.0.key-id", newKey.keyId());
            try (ServiceProcess retired = stack.startGateway(onlyNew)) {
                GraphQlClient afterRetirement = new GraphQlClient(retired.baseUrl());
                assertThat(afterRetirement.post(PROFILE, Map.of(), oldToken).errorCode()).isEqualTo("UNAUTHENTICATED");
                assertThat(afterRetirement.post(PROFILE, Map.of(), newToken).data().path("profile").path("username")
                        .asText()).isEqualTo(username);
            }
        } finally {
            Files.deleteIfExists(newKey.pemFile());
        }
    }
}
