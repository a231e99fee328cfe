package dev.authgateway.systemtest.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.RepoRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Third-party verifiers with no project code, jose (npm, tools/verify-token.mjs) and Nimbus JOSE+JWT (Java), given
 * only the gateway's discovery URL: each accepts a token the gateway issued and refuses one forged or altered.
 */
@ExtendWith(StackExtension.class)
class DiscoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String discoveryUrl;
    private String userId;
    private String token;

    @BeforeEach
    void signUp(Stack stack) {
        discoveryUrl = stack.gatewayUrl() + "/.well-known/oauth-authorization-server";
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        userId = signup.data().path("signup").path("user").path("id").asText();
        token = signup.data().path("signup").path("accessToken").asText();
    }

    @Test
    void givenTheDiscoveryUrl_thenTheDocumentNamesTheIssuerTheKeysAndES256(Stack stack) throws Exception {
        JsonNode metadata = metadata();

        assertThat(metadata.path("issuer").asText()).isEqualTo(Stack.ISSUER);
        assertThat(metadata.path("jwks_uri").asText()).isEqualTo(stack.gatewayUrl() + "/.well-known/jwks.json");
        assertThat(metadata.path("access_token_signing_alg_values_supported").toString()).isEqualTo("[\"ES256\"]");
    }

    @Test
    void givenAGatewayToken_thenJoseVerifiesItFromTheDiscoveryUrlAlone() throws Exception {
        CommandRun run = jose(token);

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode result = JSON.readTree(run.output());
        assertThat(result.path("verified").asBoolean()).isTrue();
        assertThat(result.path("alg").asText()).isEqualTo("ES256");
        assertThat(result.path("claims").path("sub").asText()).isEqualTo(userId);
        assertThat(result.path("claims").path("iss").asText()).isEqualTo(Stack.ISSUER);
    }

    @Test
    void givenAGatewayToken_thenNimbusVerifiesItFromTheDiscoveryUrlAlone() throws Exception {
        JWTClaimsSet claims = nimbus().process(token, null);

        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getIssuer()).isEqualTo(Stack.ISSUER);
        assertThat(claims.getAudience()).contains(Stack.AUDIENCE);
    }

    @Test
    void givenForgedOrAlteredTokens_thenBothVerifiersRefuseEach(Stack stack) throws Exception {
        var other = stack.graphql().post(SIGNUP, Operations.newSignup());
        String otherId = other.data().path("signup").path("user").path("id").asText();
        TokenForge forge = new TokenForge(stack.signingKey());
        Map<String, String> refused = Map.of(
                "subject replaced", TokenForge.withSubjectReplaced(token, otherId),
                "signed by another key under the gateway's kid", forge.signedByAnotherKey(userId),
                "alg none", forge.unsigned(userId),
                "expired", forge.expired(userId));
        DefaultJWTProcessor<SecurityContext> nimbus = nimbus();

        for (Map.Entry<String, String> forged : refused.entrySet()) {
            CommandRun run = jose(forged.getValue());
            assertThat(run.exitCode()).as("jose, " + forged.getKey() + ": " + run.output()).isEqualTo(1);
            assertThat(JSON.readTree(run.output()).path("verified").asBoolean()).as(forged.getKey()).isFalse();
            assertThatThrownBy(() -> nimbus.process(forged.getValue(), null)).as("Nimbus, " + forged.getKey())
                    .isInstanceOfAny(com.nimbusds.jose.proc.BadJOSEException.class,
                            com.nimbusds.jose.JOSEException.class, java.text.ParseException.class);
        }
    }

    private CommandRun jose(String jwt) throws Exception {
        return CommandRun.of(List.of("node", RepoRoot.path().resolve("tools/verify-token.mjs").toString(),
                discoveryUrl, jwt), Duration.ofSeconds(30));
    }

    /** Nimbus configured only from the discovery document: keys from jwks_uri, algorithms and issuer from it. */
    private DefaultJWTProcessor<SecurityContext> nimbus() throws Exception {
        JsonNode metadata = metadata();
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(metadata.path("jwks_uri").asText()).toURL()).build();
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        metadata.path("access_token_signing_alg_values_supported")
                .forEach(alg -> algorithms.add(JWSAlgorithm.parse(alg.asText())));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(metadata.path("issuer").asText()).build(),
                Set.of("sub", "iat", "exp")));
        return processor;
    }

    private JsonNode metadata() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(discoveryUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
