package dev.authgateway.systemtest.api;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Security events reach the gateway's log as JSON lines with the request id, and never a password or token. */
@ExtendWith(StackExtension.class)
class AuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenAFailedAndASuccessfulLogin_thenBothAreAuditedWithoutSecrets(Stack stack) throws Exception {
        var signup = stack.graphql().post(SIGNUP, Operations.newSignup());
        String username = signup.data().path("signup").path("user").path("username").asText();
        String userId = signup.data().path("signup").path("user").path("id").asText();
        String guess = "guess-" + UUID.randomUUID();
        String failedId = "audit-" + UUID.randomUUID();
        String succeededId = "audit-" + UUID.randomUUID();

        login(stack, username, guess, failedId);
        var success = login(stack, username, STRONG_PASSWORD, succeededId);
        String token = success.data().path("login").path("accessToken").asText();

        Map<String, Object> failed = auditLine(stack, failedId);
        Map<String, Object> succeeded = auditLine(stack, succeededId);
        assertThat(failed).containsEntry("event", "login.failed").containsEntry("login", username)
                .containsEntry("reason", "INVALID_CREDENTIALS").containsKey("clientAddress");
        assertThat(succeeded).containsEntry("event", "login.succeeded").containsEntry("userId", userId);
        String log = stack.gatewayLog();
        assertThat(log).contains("\"event\":\"signup\"")
                .doesNotContain(guess).doesNotContain(STRONG_PASSWORD).doesNotContain(token);
    }

    private static GraphQlClient.Response login(Stack stack, String login, String password, String requestId) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", LOGIN,
                    "variables", Operations.loginInput(login, password)));
            return stack.graphql().raw(stack.graphql().request("/graphql")
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> auditLine(Stack stack, String requestId) throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            List<String> lines = stack.gatewayLog().lines()
                    .filter(line -> line.contains("AUDIT ") && line.contains(requestId)).toList();
            if (!lines.isEmpty()) {
                String line = lines.getFirst();
                return JSON.readValue(line.substring(line.indexOf("AUDIT ") + 6), Map.class);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no audit line with request id " + requestId);
    }
}
