package dev.authgateway.gateway;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helidon's static content feature as the gateway first served GraphiQL with it (class path location graphiql,
 * welcome file index.html, nothing else set: no memory cache, so each jar entry is extracted to a temporary file on
 * its first request), reading the files from a jar as {@code java -jar graphql-gateway.jar} does, while 32 first
 * requests arrive together on a fresh server; eight fresh servers, each with a jar of its own.
 *
 * <p>On Helidon 4.2.0 some of those answers came back truncated or empty: the classpath handler closed the JVM's
 * shared, cached {@code JarFile} while other first requests were still reading entries from it
 * (helidon-io/helidon#9908, "Closed ZIP file"; fixed in 4.2.1 by #9943, so the cached file stays open). The gateway
 * then served GraphiQL from memory itself. On 4.5.0 every answer is whole, and GraphiqlPage uses this service again;
 * this test keeps checking the defaults, where the defect was, and GraphiqlPageTest sends the page's own
 * configuration (memory cache, no temporary files) the same requests.
 *
 * <p>Seeded ({@code -Dgraphiql.seed}): the seed draws which file each request asks for and their order, and is in
 * the assertion message.
 */
class StaticContentFromJarTest {

    private static final long SEED = Long.getLong("graphiql.seed", System.nanoTime());
    private static final int SERVERS = 8;
    private static final int PARALLEL = 32;

    @TempDir
    Path temp;

    @Test
    void givenFreshServersReadingGraphiqlFromAJar_whenThirtyTwoFirstRequestsArriveTogether_thenEveryAnswerIsWhole()
            throws Exception {
        Random random = new Random(SEED);
        List<String> problems = new ArrayList<>();
        int answers = 0;
        for (int round = 0; round < SERVERS; round++) {
            Path jar = GraphiqlAssets.jar(temp.resolve("graphiql-" + round + ".jar"));
            try (URLClassLoader fromJar = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                assertThat(fromJar.getResource("graphiql/index.html").getProtocol()).isEqualTo("jar");
                WebServer server = WebServer.builder()
                        .host("127.0.0.1")
                        .port(0)
                        .addFeature(StaticContentFeature.create(content -> content.addClasspath(graphiql -> graphiql
                                .location("graphiql")
                                .context(GraphiqlPage.PATH)
                                .welcome("index.html")
                                .classLoader(fromJar))))
                        .build()
                        .start();
                try {
                    for (ParallelGets.Answer answer : ParallelGets.send(server.port(),
                            GraphiqlAssets.requests(random, PARALLEL))) {
                        answers++;
                        String problem = GraphiqlAssets.problem(answer, StaticContentFromJarTest::helidonDefaultType);
                        if (problem != null) {
                            problems.add("server " + round + ", " + problem);
                        }
                    }
                } finally {
                    server.stop();
                }
            }
        }

        assertThat(answers).isEqualTo(SERVERS * PARALLEL);
        assertThat(problems).as("seed %d: %d of %d answers were not the whole file", SEED, problems.size(), answers)
                .isEmpty();
    }

    /** The types Helidon's media type table gives these files by their extension. */
    private static String helidonDefaultType(String file) {
        if (file.endsWith(".html")) {
            return "text/html";
        }
        return file.endsWith(".css") ? "text/css" : "text/javascript";
    }
}
