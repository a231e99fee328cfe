package dev.authgateway.perf.gatling;

import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Hours of ordinary traffic to find leaks and drift: profile readers at a steady pace (each pausing between
 * reads) alongside a trickle of full journeys. Defaults: 30 minutes, 64 readers at ~20 reads/s each, 2 journeys/s.
 */
public class Soak extends Simulation {

    public Soak() {
        var accounts = Accounts.circular(Accounts.signUp(Math.min(PerfSettings.ACCOUNTS, PerfSettings.USERS)));
        var duration = java.time.Duration.ofSeconds(Long.getLong("durationSeconds", 1800));
        var readers = scenario("soak readers").exec(feed(accounts))
                .exec(during(duration).on(exec(ProfileCacheHit.READ_PROFILE).pause(java.time.Duration.ofMillis(50))));
        var journeys = scenario("soak journeys").exec(AuthJourney.JOURNEY);

        setUp(
                readers.injectOpen(rampUsers(PerfSettings.USERS).during(PerfSettings.RAMP)),
                journeys.injectOpen(constantUsersPerSec(Double.parseDouble(System.getProperty("journeysPerSecond", "2")))
                        .during(duration)))
                .protocols(ProfileCacheHit.PROTOCOL)
                .assertions(PerfSettings.assertions());
    }
}
