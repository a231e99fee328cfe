package dev.authgateway.gateway;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import dev.authgateway.support.http.HttpServers;
import dev.authgateway.support.testing.LogRecords;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The GraphiQL page on a listener built as the gateway builds its own (HttpServers, SecurityHeaders, InternalErrors):
 * its files whole, with their types and the page's policy, under parallel first requests from a jar (as
 * {@code java -jar} runs) and from a directory (as the image runs); the redirect, 404 and 304 answers.
 * Seeded ({@code -Dgraphiql.seed}); the seed is in the assertion messages.
 */
class GraphiqlPageTest {

    private static final long SEED = Long.getLong("graphiql.seed", System.nanoTime());
    private static final int SERVERS = 4;
    private static final int PARALLEL = 32;
    private static final String POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final Map<String, String> PAGE_HEADERS = Map.of("Content-Security-Policy", POLICY,
            "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable each : started.reversed()) {
            each.close();
        }
    }

    @ParameterizedTest(name = "from a {0}")
    @ValueSource(strings = {"jar", "directory"})
    void givenFreshGateways_whenThirtyTwoFirstRequestsArriveTogether_thenEveryAnswerIsTheWholeFileWithThePolicy(
            String source) throws Exception {
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < SERVERS; round++) {
            ClassLoader files = source.equals("jar") ? jarLoader(round) : GraphiqlPage.class.getClassLoader();
            assertThat(files.getResource("graphiql/index.html").getProtocol())
                    .isEqualTo(source.equals("jar") ? "jar" : "file");
            WebServer server = start(files, true);
            for (ParallelGets.Answer answer : ParallelGets.send(server.port(),
                    GraphiqlAssets.requests(random, PARALLEL))) {
                String problem = GraphiqlAssets.problem(answer, GraphiqlPageTest::contentType);
                for (Map.Entry<String, String> header : PAGE_HEADERS.entrySet()) {
                    if (problem == null && !header.getValue().equals(answer.header(header.getKey()))) {
                        problem = "GET " + answer.path() + ": " + header.getKey() + " " + answer.header(header.getKey());
                    }
                }
                if (problem != null) {
                    problems.add("server " + round + ", " + problem);
                }
            }
        }

        assertThat(problems)
                .as("seed %d, from a %s: %d of %d answers", SEED, source, problems.size(), SERVERS * PARALLEL)
                .isEmpty();
    }

    @Test
    void givenThePathWithoutItsSlash_thenMovedPermanentlyToIt() throws Exception {
        WebServer server = start(jarLoader(0), true);

        HttpResponse<String> response = get(server, "/graphiql", Map.of());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/graphiql/");
    }

    @ParameterizedTest(name = "from a {0}")
    @ValueSource(strings = {"jar", "directory"})
    void givenAFileThePageDoesNotHave_then404TypedWithThePolicy(String source) throws Exception {
        WebServer server = start(source.equals("jar") ? jarLoader(0) : GraphiqlPage.class.getClassLoader(), true);

        for (String path : List.of("/graphiql/nothing.js", "/graphiql/vendor/", "/graphiql/vendor/graphiql/")) {
            HttpResponse<String> response = get(server, path, Map.of());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("\"NOT_FOUND\"");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(POLICY);
        }
    }

    /**
     * A folder named without its slash: not found in a jar, but refused (403) from a directory, as the image runs:
     * Helidon's file handler takes the folder for a file it may not read. Nothing of the folder is listed.
     */
    @ParameterizedTest(name = "from a {0}")
    @ValueSource(strings = {"jar", "directory"})
    void givenAFolderWithoutItsSlash_thenNotFoundFromAJarAndForbiddenFromADirectory(String source) throws Exception {
        WebServer server = start(source.equals("jar") ? jarLoader(0) : GraphiqlPage.class.getClassLoader(), true);

        HttpResponse<String> response = get(server, "/graphiql/vendor/graphiql", Map.of());

        assertThat(response.statusCode()).isEqualTo(source.equals("jar") ? 404 : 403);
        assertThat(response.body()).startsWith("{\"errors\"").doesNotContain("graphiql.min");
    }

    /**
     * Helidon's static content throws its 304 to the error handler; InternalErrors answers it without a body, where
     * a typed body made Helidon log a SEVERE line (a 304 with an entity) on every conditional request.
     */
    @Test
    void givenAConditionalRequestWithTheFilesETag_then304WithoutABodyAndNothingLogged() throws Exception {
        WebServer server = start(jarLoader(0), true);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger helidon = Logger.getLogger("io.helidon.webserver");
        Handler capture = LogRecords.collectingInto(records);
        helidon.addHandler(capture);
        try {
            HttpResponse<String> first = get(server, "/graphiql/start.js", Map.of());
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> again = get(server, "/graphiql/start.js", Map.of("If-None-Match", etag));

            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            assertThat(again.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(again.headers().firstValue("Content-Security-Policy")).hasValue(POLICY);
            assertThat(records).extracting(LogRecord::getLevel).doesNotContain(Level.SEVERE, Level.WARNING);
        } finally {
            helidon.removeHandler(capture);
        }
    }

    @Test
    void givenGraphiqlOff_thenItsPathsAreNotFound() throws Exception {
        WebServer server = start(jarLoader(0), false);

        assertThat(get(server, "/graphiql/", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get(server, "/graphiql/start.js", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void givenAJarWithoutTheNpmFiles_thenTheGatewayDoesNotStart() throws Exception {
        URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        started.add(empty);

        assertThatThrownBy(() -> GraphiqlPage.register(HttpRouting.builder(), enabled(true), empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("build with npm on the PATH");
    }

    /** The listener as Main builds it, with only the page routed. */
    private WebServer start(ClassLoader files, boolean graphiql) {
        Config server = Config.just(ConfigSources.create(Map.of("server.host", "127.0.0.1", "server.port", "0",
                "server.max-payload-size", "65536")));
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new SecurityHeaders())
                .error(Throwable.class, new InternalErrors());
        GraphiqlPage.register(routing, enabled(graphiql), files);
        WebServer webServer = HttpServers.builder(server.get("server"), routing)
                .directHandlers(SecurityHeaders.directHandlers(false, HttpServers.typedErrorAnswers()))
                .build()
                .start();
        started.add(webServer::stop);
        return webServer;
    }

    private static Config enabled(boolean graphiql) {
        return Config.just(ConfigSources.create(Map.of("enabled", String.valueOf(graphiql))));
    }

    /** The page's files in a jar of their own, as in the gateway's jar. */
    private ClassLoader jarLoader(int round) throws Exception {
        Path jar = GraphiqlAssets.jar(temp.resolve("graphiql-" + round + ".jar"));
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        started.add(loader);
        return loader;
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private static HttpResponse<String> get(WebServer server, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
