package dev.authgateway.systemtest.api;

import java.net.http.HttpRequest;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** GraphQL-over-HTTP: requests that are not well-formed GraphQL requests are refused with a typed error. */
@ExtendWith(StackExtension.class)
class ProtocolIT {

    @Test
    void givenMalformedJson_then400BadRequest(Stack stack) {
        var response = post(stack, "application/json", "{\"query\": \"{ profile { id } }\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void givenAPathNoRouteServes_then404NotFoundNotAnInternalError(Stack stack) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(java.net.URI.create(stack.gatewayUrl() + "/favicon.ico"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("\"code\":\"NOT_FOUND\"");
        }
        assertThat(stack.gatewayLog()).doesNotContain("Unhandled failure on GET /favicon.ico");
    }

    @Test
    void givenAWrongContentType_then415AndNothingWritten(Stack stack) throws Exception {
        String username = Operations.uniqueName("plain");
        String mutation = "mutation { signup(input: {username: \\\"" + username + "\\\", email: \\\"" + username
                + "@example.com\\\", password: \\\"correct horse battery staple\\\", displayName: \\\"P\\\"}) { accessToken } }";

        var response = post(stack, "text/plain", "{\"query\": \"" + mutation + "\"}");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(stack.countUsers("username = ?", username)).isZero();
    }

    @Test
    void givenAMutationByGet_then405AndNothingWritten(Stack stack) throws Exception {
        String username = Operations.uniqueName("viaget");
        String mutation = "mutation { signup(input: {username: \"" + username + "\", email: \"" + username
                + "@example.com\", password: \"correct horse battery staple\", displayName: \"Get\"}) { accessToken } }";

        var response = stack.graphql().get(mutation);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.allow()).contains("POST");
        assertThat(response.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(stack.countUsers("username = ?", username)).isZero();
    }

    @Test
    void givenAnOversizedBody_then413(Stack stack) {
        String padding = "x".repeat(2 * 1024 * 1024);
        var response = post(stack, "application/json", "{\"query\": \"{ profile { id } }\", \"x\": \"" + padding + "\"}");
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void givenASyntaxError_then400ParseFailed(Stack stack) {
        var response = post(stack, "application/json", "{\"query\": \"{ profile { id \"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void givenAnUnknownField_then400ValidationFailed(Stack stack) {
        var response = post(stack, "application/json", "{\"query\": \"{ profile { passwordHash } }\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void givenABodyThatIsNotAGraphQlRequest_then400BadRequest(Stack stack) {
        assertThat(post(stack, "application/json", "\"just a string\"").errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(post(stack, "application/json", "{\"query\": 42}").errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(post(stack, "application/json", "{\"query\": \"{ profile { id } }\", \"variables\": [1]}")
                .errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void givenTheQueryKeyTwice_then400AndNeitherOperationRuns(Stack stack) throws Exception {
        String username = Operations.uniqueName("dupkey");
        String body = "{\"query\": \"{ __typename }\", \"query\": \"" + signupMutation(username) + "\"}";

        var response = post(stack, "application/json", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(stack.countUsers("username = ?", username)).isZero();
    }

    @Test
    void givenAKeyTwiceInsideVariablesOrExtensions_then400BadRequest(Stack stack) {
        String signup = "mutation($i: SignupInput!) { signup(input: $i) { accessToken } }";
        var variables = post(stack, "application/json", "{\"query\": \"" + signup + "\", \"variables\": {\"i\": "
                + "{\"username\": \"a\", \"username\": \"b\", \"email\": \"a@example.com\", "
                + "\"password\": \"correct horse battery staple\", \"displayName\": \"A\"}}}");
        var extensions = post(stack, "application/json",
                "{\"query\": \"{ __typename }\", \"extensions\": {\"a\": 1, \"a\": 2}}");

        assertThat(variables.status()).isEqualTo(400);
        assertThat(variables.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(extensions.status()).isEqualTo(400);
        assertThat(extensions.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void givenContentAfterTheJsonBody_then400AndNothingRuns(Stack stack) throws Exception {
        String username = Operations.uniqueName("trailing");
        String request = "{\"query\": \"" + signupMutation(username) + "\"}";

        var secondObject = post(stack, "application/json", request + "{\"query\": \"{ __typename }\"}");
        var garbage = post(stack, "application/json", request + " garbage");
        var whitespace = post(stack, "application/json", "{\"query\": \"{ __typename }\"} \r\n");

        assertThat(secondObject.status()).isEqualTo(400);
        assertThat(secondObject.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(stack.countUsers("username = ?", username)).isZero();
        assertThat(whitespace.status()).isEqualTo(200);
    }

    @Test
    void givenAGetParameterTwiceOrNotStrictJsonInTheQueryString_then400BadRequest(Stack stack) {
        GraphQlClient graphql = stack.graphql();
        String typename = "%7B%20__typename%20%7D";
        for (String query : java.util.List.of(
                "query=" + typename + "&query=%7B%20profile%20%7B%20id%20%7D%20%7D",
                "query=" + typename + "&operationName=A&operationName=B",
                "query=" + typename + "&variables=%7B%22a%22%3A1%2C%22a%22%3A2%7D",
                "query=" + typename + "&variables=%7B%7D%7B%7D",
                "query=" + typename + "&extensions=%7B%7D%20x")) {
            var response = graphql.raw(graphql.request("/graphql?" + query)
                    .header("Accept", GraphQlClient.GRAPHQL_RESPONSE).GET());

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.errorCode()).as(query).isEqualTo("BAD_REQUEST");
        }
    }

    private static String signupMutation(String username) {
        return "mutation { signup(input: {username: \\\"" + username + "\\\", email: \\\"" + username
                + "@example.com\\\", password: \\\"correct horse battery staple\\\", displayName: \\\"D\\\"}) "
                + "{ accessToken } }";
    }

    private static GraphQlClient.Response post(Stack stack, String contentType, String body) {
        GraphQlClient graphql = stack.graphql();
        return graphql.raw(graphql.request("/graphql")
                .header("Content-Type", contentType)
                .header("Accept", GraphQlClient.GRAPHQL_RESPONSE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
