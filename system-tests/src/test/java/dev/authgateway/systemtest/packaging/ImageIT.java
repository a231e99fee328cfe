package dev.authgateway.systemtest.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authgateway.systemtest.harness.Eventually;
import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.RepoRoot;
import dev.authgateway.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OCI images Jib wrote with {@code -Pimages} (target/jib-image.tar of each service): run as a non-root user,
 * the JVM sized from the container's memory, the service's ports (the API and the management port of /observe),
 * and the application in its layers. Then the
 * layers are unpacked and the image's own entrypoint started, as user 65532, with this machine's JDK standing in for
 * the base image's: the service must come up live. Runs only in that profile, which {@code ops/stack test} turns on.
 */
class ImageIT {

    @ParameterizedTest
    @CsvSource({
            "store-service, dev.authgateway.store.Main, 9091, 8091, app/resources/db/migration",
            "cache-service, dev.authgateway.cache.Main, 9092, 8092, app/resources/application.yaml",
            "graphql-gateway, dev.authgateway.gateway.Main, 8080, 8090, app/resources/graphiql/vendor/graphiql/graphiql.min.js"})
    void theImageRunsTheServiceAsNonRootWithContainerSizedMemoryAndStartsLive(String service, String mainClass, String mainPort,
                                                                 String observePort, String expectedFile)
            throws Exception {
        OciImageTar image = OciImageTar.read(RepoRoot.path().resolve(service).resolve("target/jib-image.tar"));
        assertThat(image.name()).isEqualTo("authgateway/" + service + ":1.0.0-SNAPSHOT");
        JsonNode config = image.config();

        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).startsWith("java").endsWith(mainClass)
                .contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-Dnetworkaddress.cache.ttl=10");
        assertThat(config.get("ExposedPorts").has(mainPort + "/tcp")).isTrue();
        assertThat(config.get("ExposedPorts").has(observePort + "/tcp")).isTrue();

        Map<String, byte[]> files = image.files();
        assertThat(files.keySet()).anyMatch(file -> file.startsWith(expectedFile));
        assertThat(files.keySet()).anyMatch(file -> file.startsWith("app/libs/grpc-netty-shaded-"));

        assertStartsLiveFromItsLayers(service, files, entrypoint);
    }

    /** The image's files under a directory of the test's, and its entrypoint with /app and java pointed there. */
    private static void assertStartsLiveFromItsLayers(String service, Map<String, byte[]> files, List<String> entrypoint)
            throws Exception {
        Path root = Files.createTempDirectory("authgw-image-" + service);
        try (TestDatabase database = TestDatabase.create()) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            Path classpathFile = root.resolve("app/jib-classpath-file");
            Files.writeString(classpathFile, Files.readString(classpathFile).replace("/app/", root + "/app/"));
            makeReadableByAll(root);

            int httpPort = FreePort.next();
            int observePort = service.equals("graphql-gateway") ? FreePort.next() : httpPort;
            List<String> command = new ArrayList<>(runAsImageUser());
            for (String part : entrypoint) {
                command.add(switch (part) {
                    case "java" -> ProcessHandle.current().info().command().orElse("java");
                    case "@/app/jib-classpath-file" -> "@" + classpathFile;
                    default -> part;
                });
            }
            command.addAll(command.size() - 1, List.of("-Dserver.host=127.0.0.1", "-Dserver.port=" + httpPort,
                    "-Dgrpc.port=" + FreePort.next(), "-Djava.io.tmpdir=/tmp"));
            if (observePort != httpPort) {
                command.addAll(command.size() - 1, List.of("-Dserver.sockets.0.host=127.0.0.1",
                        "-Dserver.sockets.0.port=" + observePort));
            }
            if (service.equals("store-service")) {
                database.config().forEach((key, value) -> command.add(command.size() - 1, "-D" + key + "=" + value));
            }
            Path log = root.resolve("service.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Eventually.within(java.time.Duration.ofSeconds(60), service + " live or exited",
                        () -> !process.isAlive() || liveStatus(observePort) == 200);
                assertThat(process.isAlive()).as(service + " started from its image exited:\n" + tail(log)).isTrue();
            } finally {
                process.destroyForcibly().waitFor();
            }
        } finally {
            try (var paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** As root (this machine's CI), the service runs as the image's user through setpriv; otherwise as the caller. */
    private static List<String> runAsImageUser() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                ? List.of("/usr/bin/setpriv", "--reuid=65532", "--regid=65532", "--clear-groups")
                : List.of();
    }

    private static void makeReadableByAll(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                path.toFile().setReadable(true, false);
                path.toFile().setExecutable(path.toFile().isDirectory(), false);
            }
        }
    }

    private static int liveStatus(int port) {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + port + "/observe/health/live")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 2000));
        } catch (IOException e) {
            return "(no log)";
        }
    }

}
