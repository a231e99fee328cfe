package dev.authgateway.systemtest.api;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authgateway.systemtest.harness.CommandRun;
import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persisted operations against the stack's gateway over HTTP: automatic persisted queries (Apollo's protocol, over
 * POST and GET, and the clients' own: Apollo Client 4's PersistedQueryLink and urql's persistedExchange, through
 * tools/apq-check.mjs) and, on a gateway of its own, trusted documents enforced from a manifest this test writes.
 */
@ExtendWith(StackExtension.class)
class PersistedQueriesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void givenAnUnknownHash_thenPersistedQueryNotFoundOverPostAndGet(Stack stack) throws Exception {
        String hash = sha256("query Unknown" + Operations.uniqueName("q") + " { profile { id } }");

        var post = post(stack.graphql(), null, hash, null);
        var get = get(stack.graphql(), null, hash, null);

        assertThat(post.status()).isEqualTo(400);
        assertThat(post.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(post.errorMessage()).isEqualTo("PersistedQueryNotFound");
        assertThat(get.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void givenADocumentRegisteredOverPost_thenItsHashAloneRunsItOverGetAndPost(Stack stack) throws Exception {
        String token = signUp(stack.graphql());
        String document = "query Registered" + Operations.uniqueName("q") + " { profile { username } }";

        var registered = post(stack.graphql(), document, sha256(document), token);
        var byGet = get(stack.graphql(), null, sha256(document), token);
        var byPost = post(stack.graphql(), null, sha256(document), token);

        assertThat(registered.status()).isEqualTo(200);
        assertThat(byGet.status()).as(byGet.body()).isEqualTo(200);
        assertThat(byGet.data().path("profile").path("username").asText()).isNotBlank();
        assertThat(byPost.data()).isEqualTo(registered.data());
    }

    @Test
    void givenADocumentRegisteredOverGet_thenItsHashAloneRunsIt(Stack stack) throws Exception {
        String token = signUp(stack.graphql());
        String document = "query ByGet" + Operations.uniqueName("q") + " { profile { id } }";

        var registered = get(stack.graphql(), document, sha256(document), token);
        var byHash = get(stack.graphql(), null, sha256(document), token);

        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(byHash.data()).as(byHash.body()).isEqualTo(registered.data());
    }

    @Test
    void givenAHashThatIsNotTheDocuments_thenRefusedAndNotRegistered(Stack stack) throws Exception {
        String document = "query Mismatch" + Operations.uniqueName("q") + " { profile { id } }";
        String claimed = sha256(document + " ");

        var mismatch = post(stack.graphql(), document, claimed, null);
        var byClaimedHash = post(stack.graphql(), null, claimed, null);

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.errorCode()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        assertThat(byClaimedHash.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void givenAMutationByHashOverGet_then405(Stack stack) throws Exception {
        String mutation = "mutation Out" + Operations.uniqueName("m") + " { logout }";
        post(stack.graphql(), mutation, sha256(mutation), null);

        var byGet = get(stack.graphql(), null, sha256(mutation), null);

        assertThat(byGet.status()).isEqualTo(405);
        assertThat(byGet.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void givenEnforcedTrustedDocuments_thenAListedDocumentRunsByHashAndAnUnlistedOneIsRefused(Stack stack)
            throws Exception {
        String listed = Operations.PROFILE;
        Path manifest = directory.resolve("persisted-query-manifest.json");
        Files.writeString(manifest, JSON.writeValueAsString(Map.of(
                "format", "apollo-persisted-query-manifest", "version", 1,
                "operations", List.of(Map.of("id", sha256(listed), "body", listed, "name", "Profile",
                        "type", "query")))));
        try (ServiceProcess gateway = stack.startGatewayWith(Map.of(
                "app.graphql.trusted-documents.manifest", manifest.toString(),
                "app.graphql.trusted-documents.enforce", "true"))) {
            GraphQlClient client = new GraphQlClient(gateway.baseUrl());
            String token = signUp(stack.graphql());

            var byHash = post(client, null, sha256(listed), token);
            var byGet = get(client, null, sha256(listed), token);
            var unlisted = client.post("{ profile { id } }", Map.of(), token);
            var unlistedByHash = post(client, "{ profile { id } }", sha256("{ profile { id } }"), token);

            assertThat(byHash.status()).as(byHash.body()).isEqualTo(200);
            assertThat(byHash.data().path("profile").path("username").asText()).isNotBlank();
            assertThat(byGet.data()).isEqualTo(byHash.data());
            assertThat(unlisted.status()).isEqualTo(400);
            assertThat(unlisted.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
            assertThat(unlistedByHash.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
        }
    }

    @Test
    void givenAManifestWhoseIdIsNotItsBodysSha256_thenTheGatewayDoesNotStart(Stack stack) throws Exception {
        Path manifest = directory.resolve("bad-manifest.json");
        Files.writeString(manifest, JSON.writeValueAsString(Map.of("0".repeat(64), Operations.PROFILE)));

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> stack.startGatewayWith(Map.of(
                "app.graphql.trusted-documents.manifest", manifest.toString())).close());

        assertThat(refused).hasMessageContaining("0".repeat(64));
    }

    @Test
    void givenApolloAndUrqlPersistedQueryClients_thenEachRegistersOnNotFoundAndReusesTheHashOverGet(Stack stack)
            throws Exception {
        Path tools = RepoRoot.path().resolve("tools");
        assertThat(tools.resolve("node_modules/@apollo/client")).as("@apollo/client in tools/ (ops/stack test runs "
                + "npm ci there)").isDirectory();
        String token = signUp(stack.graphql());

        CommandRun run = CommandRun.of(List.of("node", tools.resolve("apq-check.mjs").toString(),
                stack.gatewayUrl() + "/graphql", token), Duration.ofMinutes(1));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("ok apollo post: POST hash-only -> 400, POST with-document -> 200")
                .contains("ok apollo get: GET hash-only -> 200")
                .contains("ok urql first: GET hash-only -> 400, GET with-document -> 200")
                .contains("ok urql second: GET hash-only -> 200");
    }

    private static String signUp(GraphQlClient graphql) {
        var signup = graphql.post(Operations.SIGNUP, Operations.newSignup());
        return signup.data().path("signup").path("accessToken").asText();
    }

    private static GraphQlClient.Response post(GraphQlClient client, String document, String hash, String token)
            throws Exception {
        Map<String, Object> body = new HashMap<>();
        if (document != null) {
            body.put("query", document);
        }
        body.put("extensions", extension(hash));
        HttpRequest.Builder request = client.request("/graphql")
                .header("Content-Type", "application/json").header("Accept", GraphQlClient.GRAPHQL_RESPONSE)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.raw(request);
    }

    private static GraphQlClient.Response get(GraphQlClient client, String document, String hash, String token)
            throws Exception {
        String query = "extensions=" + encode(JSON.writeValueAsString(extension(hash)))
                + (document == null ? "" : "&query=" + encode(document));
        HttpRequest.Builder request = client.request("/graphql?" + query)
                .header("Accept", GraphQlClient.GRAPHQL_RESPONSE).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.raw(request);
    }

    private static Map<String, Object> extension(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String sha256(String document) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(document.getBytes(StandardCharsets.UTF_8)));
    }
}
