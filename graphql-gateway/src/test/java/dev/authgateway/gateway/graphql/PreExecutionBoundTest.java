package dev.authgateway.gateway.graphql;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authgateway.support.config.ApplicationYaml;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * For every document the gateway takes on the wire, whatever its shape, the analysis before execution (parse,
 * limit checks, graphql-java's validation) ends within {@link #BOUND} of processor and of wall time (the best of a
 * few runs, after a warm-up), with an answer or a typed refusal; and
 * {@link DocumentShape} takes at most {@link #STEPS_PER_TOKEN} steps per token, a bound that does not depend on the
 * machine. Shapes come from {@link DocumentGenerator}; the seed is printed, and {@code -Dhostile.seed=N} replays it.
 */
class PreExecutionBoundTest {

    private static final Duration BOUND = Duration.ofMillis(50);
    private static final int STEPS_PER_TOKEN = 3;
    private static final int SHAPES = Integer.getInteger("hostile.shapes", 3_000);
    private static final Duration BUDGET = Duration.ofSeconds(Integer.getInteger("hostile.budget-seconds", 150));
    // runs until one ends within the bound, at most this many: others building on the machine delay some runs
    private static final int MEASUREMENTS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration HUNG = Duration.ofSeconds(10);
    private static final Set<String> TYPED = Set.of("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED",
            "QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "QUERY_TOO_COMPLEX", "TOO_MANY_TOKENS", "INTROSPECTION_DISABLED",
            "BAD_REQUEST");

    private final List<PreExecution> gateways = List.of(PreExecution.defaults(), PreExecution.withIntrospection());
    private final AnalysisLimits analysis = AnalysisLimits.from(ApplicationYaml.alone().get("app.graphql"));
    private final QueryLimits limits = QueryLimits.from(ApplicationYaml.alone().get("app.graphql"));

    @Test
    void givenGeneratedHostileDocuments_thenEachIsAnsweredOrRefusedWithinTheBound() {
        long seed = Long.getLong("hostile.seed", new SplittableRandom().nextLong());
        System.out.println("PreExecutionBoundTest seed: " + seed + " (replay with -Dhostile.seed=" + seed + ")");
        warmUp(seed);
        DocumentGenerator generator = new DocumentGenerator(seed);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int checked = 0;
        while (checked < SHAPES && System.nanoTime() < deadline) {
            DocumentGenerator.Shape shape = generator.next();
            String context = "seed " + seed + ", shape " + checked + " (" + shape.family() + "): "
                    + excerpt(shape.document());
            assertLinearAnalysis(shape, context);
            for (PreExecution gateway : gateways) {
                assertAnsweredWithinBound(gateway, shape, context);
            }
            checked++;
        }
        System.out.println("PreExecutionBoundTest checked " + checked + " shapes");
        assertThat(checked).as("shapes checked within the time budget").isGreaterThanOrEqualTo(Math.min(SHAPES, 500));
    }

    private void assertLinearAnalysis(DocumentGenerator.Shape shape, String context) {
        AtomicInteger tokens = new AtomicInteger();
        ParserOptions counting = analysis.parserOptions(limits.maxTokens()).transform(options -> options
                .parsingListener(token -> tokens.incrementAndGet()));
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(shape.document()).parserOptions(counting).build());
        } catch (InvalidSyntaxException e) {
            return;
        }
        DocumentShape measured = DocumentShape.of(document, Integer.MAX_VALUE);
        assertThat(measured.visits()).as(context).isLessThanOrEqualTo(STEPS_PER_TOKEN * tokens.get());
    }

    private static void assertAnsweredWithinBound(PreExecution gateway, DocumentGenerator.Shape shape,
                                                  String context) {
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        List<String> codes = List.of();
        for (int run = 0; run < MEASUREMENTS && bestWall > BOUND.toNanos(); run++) {
            Run measured = run(gateway, shape, context);
            bestCpu = Math.min(bestCpu, measured.cpuNanos());
            bestWall = Math.min(bestWall, measured.wallNanos());
            codes = measured.codes();
        }
        assertThat(Duration.ofNanos(bestCpu)).as("processor time, " + context).isLessThanOrEqualTo(BOUND);
        assertThat(Duration.ofNanos(bestWall)).as("wall time, " + context).isLessThanOrEqualTo(BOUND);
        assertThat(codes).as(context).allMatch(TYPED::contains);
    }

    /** One analysis on a thread of its own, so that a document that never finishes fails the test instead. */
    private static Run run(PreExecution gateway, DocumentGenerator.Shape shape, String context) {
        return assertTimeoutPreemptively(HUNG, () -> {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            try {
                List<String> codes = gateway.codes(shape.document(), shape.operationName());
                return new Run(System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu, codes);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("no answer for " + context, e);
            }
        }, () -> "no answer within " + HUNG.toSeconds() + " s for " + context);
    }

    private record Run(long wallNanos, long cpuNanos, List<String> codes) {
    }

    private void warmUp(long seed) {
        DocumentGenerator generator = new DocumentGenerator(~seed);
        for (int i = 0; i < 300; i++) {
            DocumentGenerator.Shape shape = generator.next();
            String context = "warm-up shape " + i + " (" + shape.family() + "): " + excerpt(shape.document());
            gateways.forEach(gateway -> run(gateway, shape, context));
        }
    }

    private static String excerpt(String document) {
        return document.length() <= 300 ? document
                : document.substring(0, 300) + "... (" + document.length() + " characters)";
    }
}
