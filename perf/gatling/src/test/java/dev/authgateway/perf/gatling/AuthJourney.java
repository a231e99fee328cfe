package dev.authgateway.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A realistic visit: signup, login, profile, updateProfile, profile again (which must show the new name).
 * Open model: {@code journeysPerSecond} new visitors, first for {@code warmupSeconds} (not held to the p99 bound),
 * then ramped and measured. Signup and login each cost one Argon2id hash.
 */
public class AuthJourney extends Simulation {

    static final ChainBuilder JOURNEY = exec(feed(Accounts.freshUsernames()))
            .exec(http("signup").post("/graphql").body(StringBody(GraphQl.SIGNUP))
                    .check(status().is(200), jsonPath("$.errors").notExists(),
                            jsonPath("$.data.signup.accessToken").exists()))
            // A visitor whose signup or login failed goes no further: one failure, not a cascade of follow-ups.
            .exitHereIfFailed()
            .exec(http("login").post("/graphql").body(StringBody(GraphQl.LOGIN))
                    .check(status().is(200), jsonPath("$.errors").notExists(),
                            jsonPath("$.data.login.accessToken").saveAs("token")))
            .exitHereIfFailed()
            .exec(ProfileCacheHit.READ_PROFILE)
            .exec(http("updateProfile").post("/graphql")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody(GraphQl.UPDATE_PROFILE))
                    .check(status().is(200), jsonPath("$.errors").notExists()))
            .exec(http("profile after update").post("/graphql")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody(GraphQl.PROFILE))
                    .check(status().is(200), jsonPath("$.data.profile.displayName").isEL("Renamed #{username}")));

    public AuthJourney() {
        PopulationBuilder measured = scenario("auth journey").exec(group(PerfSettings.MEASURED).on(JOURNEY)).injectOpen(
                rampUsersPerSec(1).to(PerfSettings.JOURNEYS_PER_SECOND).during(PerfSettings.RAMP),
                constantUsersPerSec(PerfSettings.JOURNEYS_PER_SECOND).during(PerfSettings.DURATION));
        PopulationBuilder run = PerfSettings.WARMUP.isZero() ? measured
                : scenario("warm-up").exec(JOURNEY)
                        .injectOpen(constantUsersPerSec(PerfSettings.JOURNEYS_PER_SECOND).during(PerfSettings.WARMUP))
                        .andThen(measured);
        setUp(run)
                .protocols(ProfileCacheHit.PROTOCOL)
                .assertions(PerfSettings.assertionsAfterWarmUp(
                        "signup", "login", "profile", "updateProfile", "profile after update"));
    }
}
