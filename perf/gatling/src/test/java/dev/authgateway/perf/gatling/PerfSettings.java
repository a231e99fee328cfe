package dev.authgateway.perf.gatling;

import java.time.Duration;

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

    private PerfSettings() {
    }
}
