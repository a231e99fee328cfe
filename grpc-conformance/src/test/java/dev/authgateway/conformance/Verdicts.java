package dev.authgateway.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.opentest4j.AssertionFailedError;

/**
 * The expected outcome of every conformance case for every implementation, from {@code conformance/server.tsv} and
 * {@code conformance/client.tsv}, and the one place a case's outcome is checked against it.
 *
 * <p>A case expected to pass must pass. A case expected to fail must still fail: when a new release fixes it, the
 * test goes red with "now passes", so the adoption decision in docs/architecture.md is made again rather than missed.
 * Every outcome is written to {@code target/conformance/<side>.tsv}, the table docs/architecture.md copies.
 */
public final class Verdicts {

    private static final Map<String, Expected> EXPECTED = load("server", "client");
    private static final Map<String, String> OBSERVED = new ConcurrentHashMap<>();

    private Verdicts() {
    }

    /** A case's body: it passes when it returns, and fails when it throws. */
    @FunctionalInterface
    public interface Case {
        void run() throws Exception;
    }

    /** Runs one case for one implementation and checks its outcome against the expected table. */
    public static void check(String side, String caseName, String implementation, Case body) throws Exception {
        String key = side + "\t" + caseName + "\t" + implementation;
        Expected expected = Optional.ofNullable(EXPECTED.get(key)).orElseThrow(() -> new AssertionFailedError(
                "conformance/" + side + ".tsv has no line for " + key.replace('\t', ' ')));
        Throwable failure = null;
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            failure = e;
        }
        record(side, key, failure == null ? "pass" : "fail", expected.issue(), failure);
        if (expected.passes() && failure != null) {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (AssertionError) failure;
        }
        if (!expected.passes() && failure == null) {
            throw new AssertionFailedError(key.replace('\t', ' ') + " now passes although conformance/" + side + ".tsv says it fails ("
                    + expected.issue() + "): mark it pass and make the adoption decision in docs/architecture.md again");
        }
    }

    private static void record(String side, String key, String outcome, String issue, Throwable failure) {
        String why = failure == null ? "" : firstLine(failure);
        OBSERVED.put(key, outcome + "\t" + issue + "\t" + why);
        String report = System.getProperty("conformance.report");
        if (report == null) {
            return;
        }
        StringBuilder table = new StringBuilder("side\tcase\timplementation\toutcome\tissue\tfailure\n");
        new TreeMap<>(OBSERVED).forEach((k, v) -> {
            if (k.startsWith(side + "\t")) {
                table.append(k).append('\t').append(v).append('\n');
            }
        });
        try {
            Files.createDirectories(Path.of(report));
            Files.writeString(Path.of(report, side + ".tsv"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).strip();
        int newline = message.indexOf('\n');
        String line = failure.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private record Expected(boolean passes, String issue) {
    }

    private static Map<String, Expected> load(String... sides) {
        Map<String, Expected> table = new TreeMap<>();
        for (String side : sides) {
            loadInto(table, "/conformance/" + side + ".tsv");
        }
        return table;
    }

    private static void loadInto(Map<String, Expected> table, String resource) {
        try (InputStream in = Verdicts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("side\t"))
                    .forEach(line -> {
                        String[] cells = line.split("\t", -1);
                        if (cells.length < 4 || !(cells[3].equals("pass") || cells[3].equals("fail"))) {
                            throw new IllegalStateException(resource + ": bad line: " + line);
                        }
                        table.put(cells[0] + "\t" + cells[1] + "\t" + cells[2],
                                new Expected(cells[3].equals("pass"), cells.length > 4 ? cells[4] : ""));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
