package dev.authgateway.perf.gatling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.Assertion;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

/** What a run is pointed at and how hard it pushes, from -D system properties so one simulation fits any deployment. */
final class PerfSettings {

    static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    /** Concurrent virtual users of the closed-model simulations. */
    static final int USERS = Integer.getInteger("users", 64);
    /** Accounts signed up before a read-only run; each virtual user reads one of them. */
    static final int ACCOUNTS = Integer.getInteger("accounts", 100);
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("durationSeconds", 60));
    static final Duration RAMP = Duration.ofSeconds(Long.getLong("rampSeconds", 5));
    /** New journeys per second in AuthJourney and Soak (open model). */
    static final double JOURNEYS_PER_SECOND = Double.parseDouble(System.getProperty("journeysPerSecond", "5"));
    /** The p99 bound, in milliseconds, that the run asserts. */
    static final int P99_MS = Integer.getInteger("p99Ms", 50);
    static final String PASSWORD = "perf password " + System.getProperty("runId", "local");
    static final String RUN_ID = System.getProperty("runId", Long.toString(System.currentTimeMillis(), 36));
    /**
     * Names of accounts made by this JVM: the run id plus a random part, since Gatling may run each simulation of a
     * run (-Dgatling.runMultipleSimulations) in a JVM of its own, whose counters start again at zero.
     */
    static final String NAME_PREFIX = RUN_ID + Long.toString(java.util.concurrent.ThreadLocalRandom.current()
            .nextLong(36L * 36 * 36 * 36), 36);

    /**
     * A smoke run (GatlingSmokeIT: a few users for a few seconds on a loaded test machine) proves only that every
     * request of the simulation passes its checks; latency bounds are for real runs.
     */
    static final boolean SMOKE = Boolean.getBoolean("smoke");

    /**
     * Load before the measured part, so the bounds describe a warm service rather than a JVM still compiling (a fresh
     * stack answers its first seconds several times slower). No bound applies to its requests.
     */
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("warmupSeconds", SMOKE ? 0 : 20));

    /** The group that holds the measured requests of a simulation with a warm-up. */
    static final String MEASURED = "measured";

    /** No failed request, ever; and the p99 bound over every request unless this is a smoke run. */
    static List<Assertion> assertions() {
        return SMOKE ? List.of(noFailures())
                : List.of(noFailures(), global().responseTime().percentile(99.0).lt(P99_MS));
    }

    /**
     * No failed request in the {@link #MEASURED} group, and the p99 bound for each of its named requests. Failures
     * during the warm-up show in Gatling's report but fail nothing: a stack just started may answer a few reads
     * UNAVAILABLE while its JVMs compile (the cache-service's 1 s deadline), which is how a cold replica behaves, not
     * a steady-state defect.
     */
    static List<Assertion> assertionsAfterWarmUp(String... requestNames) {
        List<Assertion> all = new ArrayList<>(List.of(details(MEASURED).failedRequests().percent().is(0.0)));
        if (!SMOKE) {
            for (String name : requestNames) {
                all.add(details(MEASURED, name).responseTime().percentile(99.0).lt(P99_MS));
            }
        }
        return all;
    }

    private static Assertion noFailures() {
        return global().failedRequests().percent().is(0.0);
    }

    private PerfSettings() {
    }
}
