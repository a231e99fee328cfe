package dev.authgateway.perf.gatling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Signs accounts up before a run (outside the measurement) and hands out their tokens as a Gatling feeder. */
final class Accounts {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private Accounts() {
    }

    static List<Map<String, Object>> signUp(int count) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Map<String, Object>>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String username = "perf_" + PerfSettings.NAME_PREFIX + "_" + NEXT_SEEDED.getAndIncrement();
                pending.add(pool.submit(() -> signUp(http, username)));
            }
            List<Map<String, Object>> accounts = new ArrayList<>();
            for (Future<Map<String, Object>> account : pending) {
                accounts.add(account.get());
            }
            return accounts;
        } catch (Exception e) {
            throw new IllegalStateException("Seeding accounts at " + PerfSettings.BASE_URL + " failed: " + e, e);
        }
    }

    static Iterator<Map<String, Object>> circular(List<Map<String, Object>> accounts) {
        return Stream.iterate(0, i -> (i + 1) % accounts.size()).map(accounts::get).iterator();
    }

    private static final AtomicLong NEXT_SEEDED = new AtomicLong();
    /** Shared by every feeder in the JVM: simulations run one after another in one JVM must not reuse a name. */
    private static final AtomicLong NEXT_FRESH = new AtomicLong();

    static Iterator<Map<String, Object>> freshUsernames() {
        return Stream.generate(NEXT_FRESH::getAndIncrement).map(i -> {
            Map<String, Object> session = new HashMap<>();
            session.put("username", "perfj_" + PerfSettings.NAME_PREFIX + "_" + i);
            return session;
        }).iterator();
    }

    private static Map<String, Object> signUp(HttpClient http, String username) throws Exception {
        String body = GraphQl.SIGNUP.replace("#{username}", username);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(PerfSettings.BASE_URL + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("signup of " + username + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Map.of("username", username, "token", token.group(1));
    }
}
