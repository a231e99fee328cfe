package dev.authgateway.systemtest.abuse;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and malformed documents, variables, bodies and tokens: the gateway always answers in time with a typed
 * error or data, never a 500, a stack trace or a hang. Seeded, so a failure can be replayed (the seed is in the
 * assertion message).
 */
@ExtendWith(StackExtension.class)
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int CASES = Integer.getInteger("fuzz.cases", 400);
    private static final Set<String> KNOWN_CODES = Set.of("UNAUTHENTICATED", "BAD_USER_INPUT", "CONFLICT",
            "INVALID_CREDENTIALS", "RATE_LIMITED", "UNAVAILABLE", "BAD_REQUEST", "GRAPHQL_PARSE_FAILED",
            "GRAPHQL_VALIDATION_FAILED", "QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "QUERY_TOO_COMPLEX", "TOO_MANY_TOKENS",
            "INTROSPECTION_DISABLED", "BATCHING_DISABLED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE",
            "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE");
    private static final List<String> FRAGMENTS = List.of("{", "}", "(", ")", "[", "]", ":", "$", "!", "...", "@",
            "\"", "query", "mutation", "subscription", "fragment", "on", "profile", "signup", "login", "updateProfile",
            "input", "id", "username", "__typename", "__schema", "accessToken", "user", "a:", "1", "-1e999", "true",
            "null", "\\u0000", "#", "\n", " ", "é", "😀", "\"\"\"", "$input", "SignupInput!", "{ id }");

    @Test
    void givenRandomRequests_thenEveryAnswerIsTypedAndNothingIsAServerError(Stack stack) {
        Random random = new Random(SEED);
        GraphQlClient graphql = stack.graphql();
        for (int i = 0; i < CASES; i++) {
            String body = randomBody(random);
            String token = random.nextInt(3) == 0 ? randomToken(random) : null;
            HttpRequest.Builder request = graphql.request("/graphql")
                    .header("Content-Type", "application/json")
                    .header("Accept", random.nextBoolean() ? GraphQlClient.GRAPHQL_RESPONSE : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var response = graphql.raw(request);
            String replay = "seed " + SEED + ", case " + i + ", body " + body;

            assertThat(response.status()).as(replay).isIn(200, 400, 413);
            assertThat(response.body()).as(replay).doesNotContain("Exception").doesNotContain("\tat ");
            var json = response.json();
            if (json.has("errors")) {
                json.path("errors").forEach(error -> assertThat(KNOWN_CODES).as(replay + " -> " + response.body())
                        .contains(error.path("extensions").path("code").asText()));
            } else {
                assertThat(json.has("data")).as(replay).isTrue();
            }
        }
    }

    private static String randomBody(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "{\"query\": " + quote(randomDocument(random)) + "}";
            case 1 -> "{\"query\": " + quote(randomDocument(random)) + ", \"variables\": " + randomJson(random, 0) + "}";
            case 2 -> "{\"query\": \"mutation($i: SignupInput!) { signup(input: $i) { accessToken } }\", "
                    + "\"variables\": {\"i\": " + randomJson(random, 0) + "}}";
            case 3 -> randomJson(random, 0);
            case 4 -> new String(randomBytes(random, random.nextInt(200)), StandardCharsets.ISO_8859_1);
            default -> "{\"query\": \"{ profile { id } }\", \"operationName\": " + randomJson(random, 1) + "}";
        };
    }

    private static String randomDocument(Random random) {
        StringBuilder document = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            document.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size()))).append(' ');
        }
        return document.toString();
    }

    private static String randomJson(Random random, int depth) {
        return switch (depth > 3 ? random.nextInt(4) : random.nextInt(7)) {
            case 0 -> "null";
            case 1 -> Integer.toString(random.nextInt());
            case 2 -> quote(randomDocument(random));
            case 3 -> random.nextBoolean() ? "true" : "1e400";
            case 4 -> "[" + randomJson(random, depth + 1) + ", " + randomJson(random, depth + 1) + "]";
            case 5 -> "{\"username\": " + randomJson(random, depth + 1) + ", \"email\": " + randomJson(random, depth + 1)
                    + ", \"password\": " + randomJson(random, depth + 1) + ", \"displayName\": \"x\"}";
            default -> "{\"" + randomDocument(random).strip() + "\": " + randomJson(random, depth + 1) + "}";
        };
    }

    private static String randomToken(Random random) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return switch (random.nextInt(3)) {
            case 0 -> url.encodeToString(randomBytes(random, 20)) + "." + url.encodeToString(randomBytes(random, 40))
                    + "." + url.encodeToString(randomBytes(random, 64));
            case 1 -> url.encodeToString("{\"alg\":\"ES256\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + url.encodeToString(randomBytes(random, 30)) + ".";
            default -> randomDocument(random).replaceAll("[^\\x21-\\x7e]", ".");
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
