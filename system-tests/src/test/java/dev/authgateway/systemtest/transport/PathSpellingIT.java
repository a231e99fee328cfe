package dev.authgateway.systemtest.transport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.authgateway.support.testing.RawHttp;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No spelling of a path reaches another route than the one it names: for every route of every port (the gateway's
 * API and management ports, the store's and the cache's management ports), a generated set of spellings of it
 * (dot segments written with {@code ..;}, {@code %2e}, double or overlong encodings; encoded slashes and backslashes;
 * {@code //} and {@code /./}; {@code ;params}; percent-encoded letters) from every other route is refused (400) or not
 * found (404), and never answers with a route's content. Seeded: the seed is printed with a failure.
 */
@ExtendWith(StackExtension.class)
class PathSpellingIT {

    /** Route path, its query (if it needs one to answer), and a piece of text only its answer carries. */
    private record Route(String path, String query, String marker) {
    }

    private static final List<Route> API = List.of(
            new Route("/graphql", "?query=%7B__typename%7D", "__typename"),
            new Route("/graphql/schema.graphql", "", "type Query"),
            new Route("/.well-known/jwks.json", "", "\"keys\""));
    private static final List<Route> OBSERVE = List.of(
            new Route("/observe/metrics", "", "# TYPE"),
            new Route("/observe/health/live", "", "\"status\""),
            new Route("/observe/health/ready", "", "\"status\""));
    private static final List<String> MARKERS = List.of("__typename", "type Query", "\"keys\"", "# TYPE", "\"status\"");

    /** Ways to write one "go up a segment". */
    private static final List<String> UP = List.of("/..", "/..;", "/..;x=1", "/%2e%2e", "/%2E%2E", "/.%2e", "/%2e.",
            "/%252e%252e", "/%c0%ae%c0%ae", "/%e0%80%ae%e0%80%ae", "\\..", "/..\\", "/..%5c", "/..%2f", "/%2e%2e%2f",
            "/./..", "/.;/..");

    @Test
    void givenEverySpellingOfEveryRouteFromEveryOtherRoute_thenNoneReachesARoute(Stack stack) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<Integer, List<Route>> ports = new java.util.LinkedHashMap<>();
        ports.put(stack.gatewayPort(), API);
        ports.put(stack.gatewayManagementPort(), OBSERVE);
        stack.grpcServiceManagementPorts().forEach(port -> ports.put(port, OBSERVE));
        List<Route> everyRoute = new ArrayList<>(API);
        everyRoute.addAll(OBSERVE);

        for (Map.Entry<Integer, List<Route>> port : ports.entrySet()) {
            for (Route own : port.getValue()) {
                RawHttp.Response canonical = get(port.getKey(), own.path() + own.query());
                assertThat(canonical.status()).as("control: %s on %d", own.path(), port.getKey()).isEqualTo(200);
                assertThat(canonical.body()).as("control: %s", own.path()).contains(own.marker());
            }
            List<String> bases = new ArrayList<>(port.getValue().stream().map(Route::path).toList());
            bases.addAll(List.of("/x", "/graphiql", "/observe"));
            for (Route target : everyRoute) {
                for (String spelling : spellings(target.path(), bases, random)) {
                    RawHttp.Response response = get(port.getKey(), spelling + target.query());
                    String what = "GET " + spelling + " on port " + port.getKey() + " (seed " + seed + ")";

                    assertThat(response).as(what).isNotNull();
                    assertThat(response.status()).as(what).isIn(400, 404);
                    assertThat(response.errorCode()).as(what).isIn("BAD_REQUEST", "NOT_FOUND");
                    MARKERS.forEach(marker -> assertThat(response.body()).as(what).doesNotContain(marker));
                }
            }
        }
    }

    /** Spellings of target that are not target itself (each names some other path, or no valid one). */
    private static Set<String> spellings(String target, List<String> bases, Random random) {
        Set<String> spellings = new LinkedHashSet<>();
        for (String base : bases) {
            int depth = (int) base.chars().filter(c -> c == '/').count();
            for (String up : UP) {
                spellings.add(base + up.repeat(depth) + target);
            }
        }
        String rest = target.substring(1);
        int slash = rest.indexOf('/');
        for (String separator : List.of("%2f", "%2F", "%5c", "\\", "%c0%af", "//", "/./", "/;/", "/%2e/")) {
            spellings.add("/" + rest.replace("/", separator));
        }
        spellings.add("/" + target);
        spellings.add("\\" + rest);
        spellings.add(target + ";");
        spellings.add(target + ";jsessionid=1");
        spellings.add(target + "/.");
        spellings.add(target + "/./");
        spellings.add(target + "%00");
        spellings.add(target + "%20");
        spellings.add(target + "/%ef%bc%8e%ef%bc%8e");
        if (slash > 0) {
            spellings.add("/" + rest.substring(0, slash) + ";a=b" + rest.substring(slash));
        }
        for (int i = 0; i < 4; i++) {
            spellings.add(encodeOneLetter(target, random));
        }
        spellings.remove(target);
        return spellings;
    }

    /** One letter written as a percent escape (upper or lower hex) or as an overlong two-byte UTF-8 sequence. */
    private static String encodeOneLetter(String path, Random random) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (Character.isLetter(path.charAt(i))) {
                letters.add(i);
            }
        }
        int at = letters.get(random.nextInt(letters.size()));
        char letter = path.charAt(at);
        String escape = switch (random.nextInt(3)) {
            case 0 -> String.format("%%%02x", (int) letter);
            case 1 -> String.format("%%%02X", (int) letter);
            default -> String.format("%%%02x%%%02x", 0xc0 | (letter >> 6), 0x80 | (letter & 0x3f));
        };
        return path.substring(0, at) + escape + path.substring(at + 1);
    }

    private static RawHttp.Response get(int port, String rawTarget) throws Exception {
        try (RawHttp http = RawHttp.connect(port, 5_000)) {
            return http.send("GET " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read();
        }
    }
}
