package dev.authgateway.gateway.graphql;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.authgateway.support.config.ApplicationYaml;
import graphql.parser.ParserOptions;
import io.helidon.common.concurrency.limits.LimitAlgorithm;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionTest {

    private static final Admission ONE_EACH = Admission.from(ApplicationYaml.with(Map.of(
            "app.graphql.admission.credentials.min-limit", "1",
            "app.graphql.admission.credentials.initial-limit", "1",
            "app.graphql.admission.credentials.max-limit", "1",
            "app.graphql.admission.others.min-limit", "1",
            "app.graphql.admission.others.initial-limit", "1",
            "app.graphql.admission.others.max-limit", "1")).get("app.graphql.admission"),
            ParserOptions.getDefaultParserOptions());

    @Test
    void givenCredentialRootFields_thenCredentialsWhateverTheirAliasOrFragment() {
        assertThat(ONE_EACH.kindOf("mutation { login(input: {login: \"a\", password: \"b\"}) { accessToken } }", null))
                .isEqualTo(Admission.Kind.CREDENTIALS);
        assertThat(ONE_EACH.kindOf("mutation { in: signup(input: {}) { accessToken } }", null))
                .isEqualTo(Admission.Kind.CREDENTIALS);
        assertThat(ONE_EACH.kindOf("mutation { ... on Mutation { login(input: {}) { accessToken } } }", null))
                .isEqualTo(Admission.Kind.CREDENTIALS);
        assertThat(ONE_EACH.kindOf("mutation { ...L } fragment L on Mutation { login(input: {}) { accessToken } }",
                null)).isEqualTo(Admission.Kind.CREDENTIALS);
    }

    @Test
    void givenOtherOperations_thenOthersAndTheOperationNamedDecides() {
        assertThat(ONE_EACH.kindOf("{ profile { id } }", null)).isEqualTo(Admission.Kind.OTHERS);
        String both = "query P { profile { id } } mutation L { login(input: {}) { accessToken } }";
        assertThat(ONE_EACH.kindOf(both, "P")).isEqualTo(Admission.Kind.OTHERS);
        assertThat(ONE_EACH.kindOf(both, "L")).isEqualTo(Admission.Kind.CREDENTIALS);
        assertThat(ONE_EACH.kindOf("{ profile {", null)).as("unparsable: execution refuses it")
                .isEqualTo(Admission.Kind.OTHERS);
        assertThat(ONE_EACH.kindOf(null, null)).isEqualTo(Admission.Kind.OTHERS);
    }

    @Test
    void givenOnePermitPerKind_thenASecondIsRefusedUntilTheFirstReturns_andTheKindsDoNotShare() {
        Optional<LimitAlgorithm.Token> login = ONE_EACH.admit("mutation { login(input: {}) { accessToken } }", null);
        assertThat(login).isPresent();
        assertThat(ONE_EACH.admit("mutation { signup(input: {}) { accessToken } }", null)).isEmpty();

        Optional<LimitAlgorithm.Token> profile = ONE_EACH.admit("{ profile { id } }", null);
        assertThat(profile).as("reads have their own permits").isPresent();

        login.get().success();
        Optional<LimitAlgorithm.Token> again = ONE_EACH.admit("mutation { signup(input: {}) { accessToken } }", null);
        assertThat(again).isPresent();
        again.get().success();
        profile.get().success();
    }

    @Test
    void givenThePermitTaken_thenTheNextOperationWaitsInTheQueueAndIsAdmittedWhenThePermitReturns() throws Exception {
        Admission queued = onePermitForOthers(1);
        LimitAlgorithm.Token first = queued.admit("{ profile { id } }", null).orElseThrow();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<LimitAlgorithm.Token>> second = callers.submit(() -> queued.admit("{ profile { id } }", null));
            Thread.sleep(300);
            assertThat(second.isDone()).as("waiting in the queue, not refused").isFalse();

            first.success();
            Optional<LimitAlgorithm.Token> admitted = second.get(30, TimeUnit.SECONDS);
            assertThat(admitted).as("admitted once the permit returned").isPresent();
            admitted.get().success();
        }
    }

    @Test
    void givenAFullQueue_thenTheNextOperationIsRefusedWithoutWaiting() throws Exception {
        Admission noQueue = onePermitForOthers(0);
        LimitAlgorithm.Token first = noQueue.admit("{ profile { id } }", null).orElseThrow();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<LimitAlgorithm.Token>> second = callers.submit(() -> noQueue.admit("{ profile { id } }", null));
            assertThat(second.get(10, TimeUnit.SECONDS)).as("refused, not held for the 30 s queue timeout").isEmpty();
        } finally {
            first.success();
        }
    }

    /** One permit for reads and the like, and a queue of {@code queueLength} whose wait (30 s) no test reaches. */
    private static Admission onePermitForOthers(int queueLength) {
        return Admission.from(ApplicationYaml.with(Map.of(
                "app.graphql.admission.others.min-limit", "1",
                "app.graphql.admission.others.initial-limit", "1",
                "app.graphql.admission.others.max-limit", "1",
                "app.graphql.admission.others.queue-length", String.valueOf(queueLength),
                "app.graphql.admission.others.queue-timeout", "PT30S")).get("app.graphql.admission"),
                ParserOptions.getDefaultParserOptions());
    }

    @Test
    void givenAdmissionOff_thenEveryOperationIsAdmitted() {
        Admission off = Admission.from(ApplicationYaml.with(Map.of("app.graphql.admission.enabled", "false"))
                .get("app.graphql.admission"), ParserOptions.getDefaultParserOptions());

        for (int i = 0; i < 100; i++) {
            assertThat(off.admit("mutation { login(input: {}) { accessToken } }", null)).isPresent();
        }
    }
}
