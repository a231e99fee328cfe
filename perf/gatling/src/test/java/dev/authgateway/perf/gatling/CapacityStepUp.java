package dev.authgateway.perf.gatling;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Finds the capacity of the cache-hit profile query in the open model: arrivals at a constant rate that steps up
 * (one profile read per arrival, so a slow server is not rescued by a slower client), from {@code startRps} by
 * {@code stepRps} for {@code steps} levels of {@code levelSeconds} each, 2 s ramps between. The capacity is the
 * highest level whose p99 stays under {@code p99Ms} with no failure: read it from the report's percentiles and
 * responses over time (or `perf/README.md` for how it was read here). Past capacity the gateway's admission control
 * answers 503 OVERLOADED, which counts as failed, so only the smoke run asserts zero failures.
 */
public class CapacityStepUp extends Simulation {

    private static final double START = Double.parseDouble(System.getProperty("startRps", "1000"));
    private static final double STEP = Double.parseDouble(System.getProperty("stepRps", "1000"));
    private static final int STEPS = Integer.getInteger("steps", 12);
    private static final long LEVEL_SECONDS = Long.getLong("levelSeconds", 20);

    public CapacityStepUp() {
        List<Map<String, Object>> seeded = Accounts.signUp(PerfSettings.ACCOUNTS);
        Iterator<Map<String, Object>> accounts = Accounts.circular(seeded);

        ScenarioBuilder arrivals = scenario("profile at a stepped arrival rate")
                .exec(feed(accounts))
                .exec(ProfileCacheHit.READ_PROFILE);

        setUp(arrivals.injectOpen(incrementUsersPerSec(PerfSettings.SMOKE ? 1 : STEP)
                        .times(PerfSettings.SMOKE ? 2 : STEPS)
                        .eachLevelLasting(PerfSettings.SMOKE ? 2 : LEVEL_SECONDS)
                        .separatedByRampsLasting(PerfSettings.SMOKE ? 1 : 2)
                        .startingFrom(PerfSettings.SMOKE ? 2 : START)))
                .protocols(ProfileCacheHit.PROTOCOL)
                .assertions(PerfSettings.SMOKE ? List.of(global().failedRequests().percent().is(0.0)) : List.of());
    }
}
