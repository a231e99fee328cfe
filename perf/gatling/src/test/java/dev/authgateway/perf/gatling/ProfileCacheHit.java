package dev.authgateway.perf.gatling;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The hot path: accounts signed up and logged in beforehand, each virtual user reading its own profile in a loop
 * (served from Redis after the first read). {@code users} virtual users, started over {@code rampSeconds}, each
 * reading for {@code warmupSeconds} (not held to the p99 bound) and then for {@code durationSeconds}.
 */
public class ProfileCacheHit extends Simulation {

    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(PerfSettings.BASE_URL)
            .contentTypeHeader("application/json")
            .acceptHeader("application/graphql-response+json")
            .shareConnections();

    static final io.gatling.javaapi.core.ChainBuilder READ_PROFILE = exec(http("profile")
            .post("/graphql")
            .header("Authorization", Accounts::bearer)
            .body(StringBody(GraphQl.PROFILE))
            .check(status().is(200), jsonPath("$.errors").notExists(), jsonPath("$.data.profile.id").exists()));

    private final Iterator<Map<String, Object>> accounts;

    public ProfileCacheHit() {
        List<Map<String, Object>> seeded = Accounts.signUp(Math.min(PerfSettings.ACCOUNTS, PerfSettings.USERS));
        accounts = Accounts.circular(seeded);

        ScenarioBuilder readers = scenario("profile cache hit")
                .exec(feed(accounts))
                .exec(READ_PROFILE)
                .exec(during(PerfSettings.WARMUP).on(READ_PROFILE))
                .exec(group(PerfSettings.MEASURED).on(during(PerfSettings.DURATION).on(READ_PROFILE)));

        setUp(readers.injectOpen(rampUsers(PerfSettings.USERS).during(PerfSettings.RAMP)))
                .protocols(PROTOCOL)
                .assertions(PerfSettings.assertionsAfterWarmUp("profile"));
    }
}
