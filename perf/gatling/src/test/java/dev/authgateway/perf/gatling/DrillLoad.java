package dev.authgateway.perf.gatling;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load of the failure drills (ops/drills/*): profile reads, logins and signups at fixed rates (open model) for
 * {@code durationSeconds} after a ramp of {@code rampSeconds} from {@code rampFromFraction} of them, while the drill
 * script breaks a part of the deployment. Every request is written to
 * {@code drillLog} as "end-epoch-ms,name,latency-ms,OK|KO" so the script can judge before/during/after, and every
 * signup that was answered with success to {@code drillSignups} ("username") so it can prove none was lost.
 * Rates: {@code profilesPerSecond} (100), {@code loginsPerSecond} (4), {@code signupsPerSecond} (2); the overload
 * drill adds {@code burstProfilesPerSecond} more profile reads ("profile-burst") for {@code burstSeconds} (60) from
 * {@code burstAtSeconds} (30) after the ramp.
 */
public class DrillLoad extends Simulation {

    private static final double PROFILES = Double.parseDouble(System.getProperty("profilesPerSecond", "100"));
    private static final double LOGINS = Double.parseDouble(System.getProperty("loginsPerSecond", "4"));
    private static final double SIGNUPS = Double.parseDouble(System.getProperty("signupsPerSecond", "2"));
    private static final double BURST = Double.parseDouble(System.getProperty("burstProfilesPerSecond", "0"));
    private static final long BURST_AT = Long.getLong("burstAtSeconds", 30);
    private static final long BURST_SECONDS = Long.getLong("burstSeconds", 60);
    private static final double RAMP_FROM = Double.parseDouble(System.getProperty("rampFromFraction", "0.1"));
    private static final PrintWriter REQUESTS = writer("drillLog", "target/drill-requests.csv");
    private static final PrintWriter SIGNED_UP = writer("drillSignups", "target/drill-signups.txt");

    public DrillLoad() {
        // Each scenario its own iterator: two feeders drawing from one iterator corrupt it ("feeder is empty").
        List<Map<String, Object>> seeded = Accounts.signUp(PerfSettings.ACCOUNTS);
        List<PopulationBuilder> load = new ArrayList<>();
        if (PROFILES > 0) {
            load.add(scenario("profile").exec(feed(Accounts.circular(seeded))).exec(recorded(profileRead("profile")))
                    .injectOpen(ramped(PROFILES)));
        }
        if (BURST > 0) {
            // The overload drill's extra arrivals, on top of the steady rates.
            load.add(scenario("profile-burst").exec(feed(Accounts.circular(seeded)))
                    .exec(recorded(profileRead("profile-burst")))
                    .injectOpen(nothingFor(PerfSettings.RAMP.plusSeconds(BURST_AT)),
                            constantUsersPerSec(BURST).during(BURST_SECONDS)));
        }
        if (LOGINS > 0) {
            load.add(scenario("login").exec(feed(Accounts.circular(seeded))).exec(recorded(http("login").post("/graphql")
                    .body(StringBody(GraphQl.LOGIN))
                    .check(responseTimeInMillis().saveAs("latency"), status().is(200),
                            jsonPath("$.errors").notExists(), jsonPath("$.data.login.accessToken").exists())))
                    .injectOpen(ramped(LOGINS)));
        }
        if (SIGNUPS > 0) {
            load.add(scenario("signup").exec(feed(Accounts.freshUsernames())).exec(recorded(http("signup")
                    .post("/graphql")
                    .body(StringBody(GraphQl.SIGNUP))
                    .check(responseTimeInMillis().saveAs("latency"), status().is(200),
                            jsonPath("$.errors").notExists(), jsonPath("$.data.signup.accessToken").exists())))
                    .exec(session -> {
                        if (!session.isFailed()) {
                            synchronized (SIGNED_UP) {
                                SIGNED_UP.println(session.getString("username"));
                            }
                        }
                        return session;
                    })
                    .injectOpen(ramped(SIGNUPS)));
        }
        setUp(load)
                .protocols(ProfileCacheHit.PROTOCOL)
                // The drill scripts judge each phase from drillLog; a smoke run only needs every request to pass.
                .assertions(PerfSettings.SMOKE ? PerfSettings.assertions() : java.util.List.of());
    }

    /**
     * Warms the stack up over {@code rampSeconds} from {@code rampFromFraction} of the full rate (a tenth) to the
     * full rate, then holds it for {@code durationSeconds}.
     */
    private static io.gatling.javaapi.core.OpenInjectionStep[] ramped(double perSecond) {
        return new io.gatling.javaapi.core.OpenInjectionStep[] {
                rampUsersPerSec(perSecond * RAMP_FROM).to(perSecond).during(PerfSettings.RAMP),
                constantUsersPerSec(perSecond).during(PerfSettings.DURATION)};
    }

    @Override
    public void after() {
        REQUESTS.close();
        SIGNED_UP.close();
    }

    private static HttpRequestActionBuilder profileRead(String name) {
        return http(name).post("/graphql")
                .header("Authorization", Accounts::bearer)
                .body(StringBody(GraphQl.PROFILE))
                .check(responseTimeInMillis().saveAs("latency"), status().is(200),
                        jsonPath("$.errors").notExists(),
                        jsonPath("$.data.profile.username").isEL("#{username}"));
    }

    private static ChainBuilder recorded(HttpRequestActionBuilder request) {
        return exec(request).exec(session -> record(session));
    }

    private static Session record(Session session) {
        long latency = session.contains("latency") ? session.getLong("latency") : -1;
        String line = System.currentTimeMillis() + "," + session.scenario() + "," + latency + ","
                + (session.isFailed() ? "KO" : "OK");
        synchronized (REQUESTS) {
            REQUESTS.println(line);
        }
        return session;
    }

    private static PrintWriter writer(String property, String fallback) {
        try {
            Path path = Path.of(System.getProperty(property, fallback));
            Files.createDirectories(path.toAbsolutePath().getParent());
            return new PrintWriter(Files.newBufferedWriter(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
