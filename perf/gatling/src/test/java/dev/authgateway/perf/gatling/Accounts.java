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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Session;

/**
 * Signs accounts up before a run (outside the measurement) and hands them out as a Gatling feeder; requests carry the
 * account's current access token ({@link #bearer}). Access tokens live 15 minutes, runs longer (Soak, the soak drill)
 * than that: every {@code tokenRenewSeconds} (300) each seeded account logs in again and its token is replaced.
 */
final class Accounts {

    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final long RENEW_SECONDS = Long.getLong("tokenRenewSeconds", 300);
    /** The current access token of each seeded account, by username. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final AtomicBoolean RENEWING = new AtomicBoolean();

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
            if (RENEWING.compareAndSet(false, true)) {
                Thread.ofPlatform().daemon().name("token-renewal").start(Accounts::renewForever);
            }
            return accounts;
        } catch (Exception e) {
            throw new IllegalStateException("Seeding accounts at " + PerfSettings.BASE_URL + " failed: " + e, e);
        }
    }

    /**
     * The Authorization header of a request as the session's account: the token the session's own login saved
     * ({@code token}, a journey's), else the seeded account's current one.
     */
    static String bearer(Session session) {
        return "Bearer " + (session.contains("token") ? session.getString("token")
                : TOKENS.get(session.getString("username")));
    }

    private static void renewForever() {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            while (true) {
                Thread.sleep(Duration.ofSeconds(RENEW_SECONDS));
                for (String username : List.copyOf(TOKENS.keySet())) {
                    try {
                        TOKENS.put(username, accessToken(http, GraphQl.LOGIN.replace("#{username}", username)));
                    } catch (Exception e) {
                        // The old token stays; the run's checks show it when it expires.
                        System.err.println("token renewal of " + username + " failed: " + e.getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        TOKENS.put(username, accessToken(http, GraphQl.SIGNUP.replace("#{username}", username)));
        return Map.of("username", username);
    }

    /**
     * Posts a signup or login and returns the access token it answers; a 503 (admission control) is retried after
     * its Retry-After, as a client should, a few times.
     */
    private static String accessToken(HttpClient http, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PerfSettings.BASE_URL + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int retry = 0; retry < 10 && response.statusCode() == 503; retry++) {
            Thread.sleep(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        Matcher token = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException(body.substring(0, Math.min(40, body.length())) + "... answered "
                    + response.statusCode() + ": " + response.body());
        }
        return token.group(1);
    }
}
