package dev.authgateway.gateway.graphql;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.AccountEmail;
import dev.authgateway.gateway.domain.Accounts;
import dev.authgateway.gateway.domain.AttemptLimits;
import dev.authgateway.gateway.domain.AuditEvents;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import dev.authgateway.gateway.domain.Passkey;
import dev.authgateway.gateway.domain.PasskeyDirectory;
import dev.authgateway.gateway.domain.PasskeyOptions;
import dev.authgateway.gateway.domain.SecondFactorDirectory;
import dev.authgateway.gateway.domain.Session;
import dev.authgateway.gateway.domain.SessionRevocations;
import dev.authgateway.gateway.domain.User;
import dev.authgateway.gateway.domain.UserDirectory;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The passkey fields of schema.graphql wired to the use cases: their shapes, and the codes of their failures. */
class PasskeyFetchersTest {

    private static final User ADA = new User("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60", "ada", "ada@example.com", "Ada",
            Instant.parse("2026-01-01T00:00:00Z"));
    private static final Instant REGISTERED = Instant.parse("2026-12-01T10:00:00Z");

    private final Directory passkeys = new Directory();
    private final GraphQL graphql = schema(passkeys);

    @Test
    void givenNoToken_thenALoginStartsWithARequestIdAndOptions_andFinishesAsLoginDoes() {
        Map<String, Object> start = data(run("mutation { startPasskeyLogin { requestId optionsJson expiresInSeconds } }",
                null), "startPasskeyLogin");
        assertThat(start).containsEntry("requestId", "request-1").containsEntry("optionsJson", "{\"challenge\":\"c\"}");
        assertThat((Integer) start.get("expiresInSeconds")).isBetween(290, 300);

        Map<String, Object> payload = data(run("mutation { finishPasskeyLogin(requestId: \"request-1\", "
                + "response: \"{}\") { accessToken tokenType user { username } } }", null), "finishPasskeyLogin");
        assertThat(payload).containsEntry("accessToken", "token:" + ADA.id() + ":session-1")
                .containsEntry("tokenType", "Bearer").containsEntry("user", Map.of("username", "ada"));
    }

    @Test
    void givenARefusedAssertion_thenInvalidCredentials_andAGoneRequestUnauthenticated() {
        passkeys.finishFailure = new GatewayException(ErrorCode.INVALID_CREDENTIALS, "the passkey was not accepted");
        assertThat(code(run("mutation { finishPasskeyLogin(requestId: \"r\", response: \"{}\") { accessToken } }",
                null))).isEqualTo("INVALID_CREDENTIALS");
        passkeys.finishFailure = new GatewayException(ErrorCode.UNAUTHENTICATED, "start again");
        assertThat(code(run("mutation { finishPasskeyLogin(requestId: \"r\", response: \"{}\") { accessToken } }",
                null))).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void givenAToken_thenTheProfileListsThePasskeysWithIsoInstants_andRegistrationAnswersThem() {
        String token = "Bearer token:" + ADA.id() + ":session-1";

        Map<String, Object> profile = data(run("{ profile { passkeys { id name createdAt lastUsedAt } } }", token),
                "profile");
        Map<String, Object> options = data(run("mutation { startPasskeyRegistration { optionsJson expiresInSeconds } }",
                token), "startPasskeyRegistration");
        Map<String, Object> registered = data(run("mutation { finishPasskeyRegistration(response: \"{}\", "
                + "name: \"Laptop\") { id name } }", token), "finishPasskeyRegistration");
        Map<String, Object> removed = run("mutation { removePasskey(id: \"passkey-1\") }", token).getData();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) profile.get("passkeys");
        assertThat(listed).singleElement().satisfies(passkey -> assertThat(passkey)
                .containsEntry("id", "passkey-1").containsEntry("name", "Phone")
                .containsEntry("createdAt", "2026-12-01T10:00:00Z").containsEntry("lastUsedAt", null));
        assertThat(options).containsEntry("optionsJson", "{\"rp\":{\"id\":\"localhost\"}}");
        assertThat(registered).isEqualTo(Map.of("id", "passkey-2", "name", "Laptop"));
        assertThat(removed).isEqualTo(Map.of("removePasskey", true));
        assertThat(passkeys.removedBy).isEqualTo(ADA.id());
    }

    @Test
    void givenNoToken_thenRegisteringAndRemovingAreUnauthenticated() {
        assertThat(code(run("mutation { startPasskeyRegistration { optionsJson } }", null)))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(code(run("mutation { removePasskey(id: \"passkey-1\") }", null))).isEqualTo("UNAUTHENTICATED");
    }

    private ExecutionResult run(String document, String authorization) {
        return graphql.execute(ExecutionInput.newExecutionInput(document)
                .graphQLContext(authorization == null ? Map.of() : Map.of(RequestContext.AUTHORIZATION, authorization))
                .build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(ExecutionResult result, String field) {
        assertThat(result.getErrors()).isEmpty();
        return (Map<String, Object>) ((Map<String, Object>) result.getData()).get(field);
    }

    private static Object code(ExecutionResult result) {
        assertThat(result.getErrors()).hasSize(1);
        return result.getErrors().getFirst().getExtensions().get("code");
    }

    private static GraphQL schema(PasskeyDirectory passkeys) {
        UserDirectory users = (UserDirectory) Proxy.newProxyInstance(PasskeyFetchersTest.class.getClassLoader(),
                new Class<?>[] {UserDirectory.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> ADA;
                    case "startSession" -> new Session("refresh-1", "session-1", ADA.id(),
                            Instant.now().plus(Duration.ofDays(1)), false);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        AccessTokens tokens = new AccessTokens() {
            @Override
            public IssuedToken issue(String userId, String sessionId) {
                return new IssuedToken("token:" + userId + ":" + sessionId, Duration.ofMinutes(15));
            }

            @Override
            public Caller verify(String token) {
                String[] parts = token.split(":");
                return new Caller(parts[1], parts[2]);
            }
        };
        Accounts accounts = new Accounts(users, tokens, AttemptLimits.NONE, AuditEvents.NONE, SessionRevocations.NONE,
                Clock.systemUTC(), AccountEmail.NONE, SecondFactorDirectory.NONE, passkeys);
        return ExecutableSchema.graphQl(accounts, tokens, 0);
    }

    private static final class Directory implements PasskeyDirectory {
        GatewayException finishFailure;
        String removedBy;

        @Override
        public PasskeyOptions startRegistration(String userId) {
            return new PasskeyOptions(null, "{\"rp\":{\"id\":\"localhost\"}}", Instant.now().plusSeconds(300));
        }

        @Override
        public Passkey finishRegistration(String userId, String responseJson, String name) {
            return new Passkey("passkey-2", name, Instant.now(), null);
        }

        @Override
        public List<Passkey> list(String userId) {
            return List.of(new Passkey("passkey-1", "Phone", REGISTERED, null));
        }

        @Override
        public boolean remove(String userId, String passkeyId) {
            removedBy = userId;
            return true;
        }

        @Override
        public PasskeyOptions startLogin(String login) {
            return new PasskeyOptions("request-1", "{\"challenge\":\"c\"}", Instant.now().plusSeconds(300));
        }

        @Override
        public PasskeyLogin finishLogin(String requestId, String responseJson) {
            if (finishFailure != null) {
                throw finishFailure;
            }
            return new PasskeyLogin(ADA.id(), "passkey-1");
        }
    }
}
