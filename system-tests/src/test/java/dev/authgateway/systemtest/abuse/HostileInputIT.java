package dev.authgateway.systemtest.abuse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.OwnGateway;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.authgateway.systemtest.harness.Operations.LOGIN;
import static dev.authgateway.systemtest.harness.Operations.REFRESH;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.UPDATE_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control, invisible and bidi-control characters in any string input are BAD_USER_INPUT naming the field, never
 * INTERNAL, and nothing is written. Runs on a gateway with attempt counters of its own.
 */
@ExtendWith(StackExtension.class)
class HostileInputIT {

    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final int CASES = Integer.getInteger("hostile.cases", 120);
    private static final List<String> HIDDEN = List.of("\u0000", "\u0001", "\u0008", "\n", "\u001B", "\u007F",
            "\u0085", "\u009F", "\u00AD", "\u061C", "\u180E", "\u200B", "\u200C", "\u200D", "\u200E", "\u202A",
            "\u202E", "\u2028", "\u2060", "\u2066", "\u2069", "\u3164", "\uFE0F", "\uFEFF", "\uDB40\uDC01",
            "\uDB40\uDD00");
    /** What a login password may not hold: the rest of HIDDEN may be in a password set before these rules. */
    private static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0008", "\n", "\u001B", "\u007F",
            "\u0085", "\u009F", "\u2028");
    private static final List<String> TEXT = List.of("a", "Z", "7", ".", "_", "-", "@", " ", "\u0130", "\u212A",
            "\uff41", "\u00e9", "e\u0301", "\u03a3", "\u05d0", "\u2800", "😀", "example.com");

    @RegisterExtension
    static final OwnGateway gateway = new OwnGateway("hostile");
    private static final GraphQlClient graphql = gateway.graphql();

    @Test
    void givenANulInTheLogin_thenBadUserInputOnLoginNotInternal() {
        var answer = graphql.post(LOGIN, Operations.loginInput("a\u0000b", STRONG_PASSWORD));

        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorField()).isEqualTo("login");
    }

    @Test
    void givenANulInTheLoginPassword_thenBadUserInputOnPassword() {
        var answer = graphql.post(LOGIN, Operations.loginInput(Operations.uniqueName("u"), "correct\u0000horse"));

        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorField()).isEqualTo("password");
    }

    @Test
    void givenAHiddenCharacterInEachSignupField_thenBadUserInputNamingItAndNothingWritten(Stack stack)
            throws Exception {
        for (String field : List.of("username", "email", "password", "displayName")) {
            for (String hidden : List.of("\u0000", "\u200B", "\u202E", "\u200D", "\u0007")) {
                String username = Operations.uniqueName("h");
                Map<String, Object> input = new HashMap<>(Map.of("username", username,
                        "email", username + "@example.com", "password", STRONG_PASSWORD, "displayName", "Hidden"));
                String value = (String) input.get(field);
                input.put(field, value.substring(0, 2) + hidden + value.substring(2));

                var answer = graphql.post(SIGNUP, Map.of("input", input));

                String as = field + " with U+" + Integer.toHexString(hidden.codePointAt(0));
                assertThat(answer.errorCode()).as(as).isEqualTo("BAD_USER_INPUT");
                assertThat(answer.errorField()).as(as).isEqualTo(field);
                assertThat(stack.countUsers("username = ?", username)).as(as).isZero();
            }
        }
    }

    @Test
    void givenADisplayNameThatReordersOrShowsNothing_thenBadUserInputOnSignupAndUpdate() {
        var signup = graphql.post(SIGNUP, Operations.newSignup());
        String token = signup.data().path("signup").path("accessToken").asText();
        for (String displayName : List.of("abc\u202Egnp.exe", "\u200B\u200B", "\u2800\u2800\u2800", "\u3164")) {
            var update = graphql.post(UPDATE_PROFILE, Map.of("input", Map.of("displayName", displayName)), token);
            String username = Operations.uniqueName("d");
            var created = graphql.post(SIGNUP, Operations.signupInput(username, username + "@example.com",
                    STRONG_PASSWORD, displayName));

            assertThat(update.errorCode()).as(displayName).isEqualTo("BAD_USER_INPUT");
            assertThat(update.errorField()).as(displayName).isEqualTo("displayName");
            assertThat(created.errorField()).as(displayName).isEqualTo("displayName");
        }
    }

    @Test
    void givenANulInARefreshToken_thenBadUserInputOnToken() {
        var answer = graphql.post(REFRESH, Map.of("token", "abc\u0000def"));

        assertThat(answer.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(answer.errorField()).isEqualTo("token");
    }

    @Test
    void givenRandomStringsWithHiddenCharactersInEveryField_thenNeverInternalAndTheFieldIsNamed() {
        Random random = new Random(SEED);
        String token = graphql.post(SIGNUP, Operations.newSignup()).data().path("signup").path("accessToken").asText();
        for (int i = 0; i < CASES; i++) {
            String hostile = hostile(random, HIDDEN);
            String replay = "seed " + SEED + ", case " + i + ": " + escape(hostile);
            String field;
            GraphQlClient.Response answer;
            switch (i % 6) {
                case 0 -> {
                    field = "login";
                    answer = graphql.post(LOGIN, Operations.loginInput(hostile, plain(random)));
                }
                case 1 -> {
                    field = "password";
                    hostile = hostile(random, CONTROLS);
                    replay = "seed " + SEED + ", case " + i + ": " + escape(hostile);
                    answer = graphql.post(LOGIN, Operations.loginInput(Operations.uniqueName("u"), hostile));
                }
                case 2 -> {
                    field = "displayName";
                    answer = graphql.post(UPDATE_PROFILE, Map.of("input", Map.of("displayName", hostile)), token);
                }
                case 3 -> {
                    field = "token";
                    answer = graphql.post(REFRESH, Map.of("token", hostile));
                }
                default -> {
                    field = List.of("username", "email", "password", "displayName").get(random.nextInt(4));
                    String username = Operations.uniqueName("g");
                    Map<String, Object> input = new HashMap<>(Map.of("username", username,
                            "email", username + "@example.com", "password", STRONG_PASSWORD, "displayName", "G"));
                    input.put(field, hostile);
                    answer = graphql.post(SIGNUP, Map.of("input", input));
                }
            }

            assertThat(answer.status()).as(replay).isEqualTo(200);
            assertThat(answer.errorCode()).as(replay + " -> " + answer.body()).isEqualTo("BAD_USER_INPUT");
            assertThat(answer.errorField()).as(replay + " -> " + answer.body()).isEqualTo(field);
        }
    }

    /** Random text with at least one hidden character somewhere in it (never splitting a surrogate pair). */
    private static String hostile(Random random, List<String> hidden) {
        List<String> pieces = new java.util.ArrayList<>(pieces(random));
        pieces.add(random.nextInt(pieces.size() + 1), hidden.get(random.nextInt(hidden.size())));
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            pieces.add(random.nextBoolean() ? HIDDEN.get(random.nextInt(HIDDEN.size()))
                    : TEXT.get(random.nextInt(TEXT.size())));
        }
        return String.join("", pieces);
    }

    private static String plain(Random random) {
        return String.join("", pieces(random));
    }

    private static List<String> pieces(Random random) {
        List<String> pieces = new java.util.ArrayList<>();
        for (int length = 4 + random.nextInt(12); length > 0; length--) {
            pieces.add(TEXT.get(random.nextInt(TEXT.size())));
        }
        return pieces;
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04X", c)));
        return escaped.toString();
    }
}
