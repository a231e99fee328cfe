package dev.authgateway.systemtest.abuse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.authgateway.systemtest.harness.GraphQlClient;
import dev.authgateway.systemtest.harness.Operations;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.authgateway.systemtest.harness.Operations.REQUEST_PASSWORD_RESET;
import static dev.authgateway.systemtest.harness.Operations.RESET_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.SIGNUP;
import static dev.authgateway.systemtest.harness.Operations.STRONG_PASSWORD;
import static dev.authgateway.systemtest.harness.Operations.VERIFY_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

/** Mailed tokens and the mail operations under attack: replay, forgery, enumeration, mail-bombing. */
@ExtendWith(StackExtension.class)
class MailAbuseIT {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(20);
    private static final String NEW_PASSWORD = "plum lantern orbit vinegar";

    @Test
    void givenExpiredReusedForeignAndForgedTokens_thenEachIsTheSameInvalidToken(Stack stack) throws Exception {
        String alice = signUp(stack);
        String verifyToken = stack.mail().await(alice, 1, MAIL_WAIT).getFirst().token().orElseThrow();
        String resetToken = resetLink(stack, alice, 2);
        String bob = signUp(stack);
        String bobsReset = resetLink(stack, bob, 2);

        List<String> refusals = new ArrayList<>();
        refusals.add(reset(stack, verifyToken).body());                       // another purpose's token
        refusals.add(stack.graphql().post(VERIFY_EMAIL, Map.of("token", resetToken)).body());
        for (String forged : List.of("garbage", "", resetToken + "x", "A".repeat(43), "x".repeat(5000),
                resetToken.substring(1))) {
            refusals.add(reset(stack, forged).body());
        }
        stack.execute("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE email = '" + bob + "'");
        refusals.add(reset(stack, bobsReset).body());                          // expired
        assertThat(reset(stack, resetToken).errorCode()).as("the real one still works").isEmpty();
        refusals.add(reset(stack, resetToken).body());                         // used

        String first = refusals.getFirst();
        assertThat(new GraphQlClient.Response(200, "", "", first).errorCode()).isEqualTo("INVALID_TOKEN");
        for (String refusal : refusals) {
            GraphQlClient.Response response = new GraphQlClient.Response(200, "", "", refusal);
            assertThat(response.errorCode()).as(refusal).isEqualTo("INVALID_TOKEN");
            assertThat(response.errorMessage()).as("no hint which way it failed")
                    .isEqualTo(new GraphQlClient.Response(200, "", "", first).errorMessage());
        }
    }

    @Test
    void givenAKnownAndAnUnknownAddress_thenTheResetAnswersAreByteForByteEqual(Stack stack) {
        String known = signUp(stack);
        String unknown = Operations.uniqueName("nobody") + "@example.com";

        var forKnown = stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", known));
        var forUnknown = stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", unknown));

        assertThat(forKnown.body()).isEqualTo("{\"data\":{\"requestPasswordReset\":true}}");
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.contentType()).isEqualTo(forKnown.contentType());
        assertThat(stack.mail().await(unknown, 1, MAIL_WAIT).getFirst().token()).as("a notice, no link").isEmpty();
    }

    /**
     * Both paths do the same work in the request (one lookup, a token made, one outbox row under one lock) and SMTP is
     * out of it, so their times differ by about one INSERT. Interleaved, so load hits both alike; the bound is far
     * below what a leak would cost (an Argon2id hash is ~40 ms, an SMTP exchange several ms) yet far above noise.
     */
    @Test
    void givenInterleavedRequestsForKnownAndUnknownAddresses_thenTheirMedianTimesAreClose(Stack stack) {
        int rounds = 30;
        List<String> known = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            known.add(signUp(stack));
        }
        for (int i = 0; i < 5; i++) {   // warm both paths
            stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", Operations.uniqueName("warm") + "@example.com"));
        }
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            knownNanos.add(timed(stack, known.get(i)));
            unknownNanos.add(timed(stack, Operations.uniqueName("nobody") + "@example.com"));
        }

        double knownMedian = median(knownNanos) / 1e6;
        double unknownMedian = median(unknownNanos) / 1e6;
        assertThat(Math.abs(knownMedian - unknownMedian))
                .as("median ms: known %.2f, unknown %.2f", knownMedian, unknownMedian)
                .isLessThan(20.0);
    }

    @Test
    void givenAFloodOfResetRequestsForOneAddress_thenTheLimitBitesAndTheMailboxGetsABoundedNumber(Stack stack)
            throws Exception {
        String victim = signUp(stack);
        int answered = 0;
        List<GraphQlClient.Response> limited = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var response = stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", victim));
            if (response.errorCode().isEmpty()) {
                answered++;
            } else {
                limited.add(response);
            }
        }

        assertThat(answered).as("the verification mail and 4 resets make the 5 an hour").isEqualTo(4);
        assertThat(limited).hasSize(8).allSatisfy(response -> {
            assertThat(response.errorCode()).isEqualTo("RATE_LIMITED");
            assertThat(response.json().path("errors").path(0).path("extensions").path("retryAfterSeconds").asLong())
                    .isPositive();
        });
        stack.mail().await(victim, 5, MAIL_WAIT);
        Thread.sleep(1500);   // several sender rounds: nothing more may arrive
        assertThat(stack.mail().to(victim)).hasSize(5);
        String unknown = Operations.uniqueName("nobody") + "@example.com";
        long unknownLimited = java.util.stream.IntStream.range(0, 8).mapToObj(i -> stack.graphql()
                .post(REQUEST_PASSWORD_RESET, Map.of("email", unknown)).errorCode())
                .filter("RATE_LIMITED"::equals).count();
        assertThat(unknownLimited).as("an unknown address is limited alike (5 answered, 3 refused)").isEqualTo(3);
    }

    private static long timed(Stack stack, String email) {
        long start = System.nanoTime();
        var response = stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", email));
        long elapsed = System.nanoTime() - start;
        assertThat(response.errorCode()).as(response.body()).isEmpty();
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static GraphQlClient.Response reset(Stack stack, String token) {
        return stack.graphql().post(RESET_PASSWORD, Map.of("input", Map.of("token", token,
                "newPassword", NEW_PASSWORD)));
    }

    private static String resetLink(Stack stack, String email, int nth) {
        var asked = stack.graphql().post(REQUEST_PASSWORD_RESET, Map.of("email", email));
        assertThat(asked.errorCode()).as(asked.body()).isEmpty();
        TestMail.Mail mail = stack.mail().await(email, nth, MAIL_WAIT).get(nth - 1);
        return mail.token().orElseThrow();
    }

    private static String signUp(Stack stack) {
        String username = Operations.uniqueName("a");
        var signup = stack.graphql().post(SIGNUP, Operations.signupInput(username, username + "@example.com",
                STRONG_PASSWORD, "Ada"));
        assertThat(signup.errorCode()).as(signup.body()).isEmpty();
        return username + "@example.com";
    }
}
