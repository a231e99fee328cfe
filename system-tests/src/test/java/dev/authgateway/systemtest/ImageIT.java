package dev.authgateway.systemtest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OCI images Jib wrote with {@code -Pimages} (target/jib-image.tar of each service): run as a non-root user,
 * the JVM sized from the container's memory, the service's ports, and the application in its layers. Runs only in
 * that profile, which {@code ops/stack test} turns on.
 */
class ImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({
            "store-service, dev.authgateway.store.Main, 9091, 8091, app/resources/db/migration",
            "cache-service, dev.authgateway.cache.Main, 9092, 8092, app/resources/application.yaml",
            "graphql-gateway, dev.authgateway.gateway.Main, 8080, 8080, app/resources/graphiql/vendor/graphiql/graphiql.min.js"})
    void theImageRunsTheServiceAsNonRootWithContainerSizedMemory(String service, String mainClass, String mainPort,
                                                                 String observePort, String expectedFile)
            throws Exception {
        Map<String, byte[]> image = untar(Files.newInputStream(
                RepoRoot.path().resolve(service).resolve("target/jib-image.tar")));
        JsonNode index = JSON.readTree(image.get("index.json"));
        assertThat(index.at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText())
                .isEqualTo("authgateway/" + service + ":1.0.0-SNAPSHOT");
        JsonNode manifest = JSON.readTree(blob(image, index.at("/manifests/0/digest").asText()));
        JsonNode config = JSON.readTree(blob(image, manifest.at("/config/digest").asText())).get("config");

        assertThat(config.get("User").asText()).isEqualTo("65532:65532");
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        assertThat(entrypoint).startsWith("java").endsWith(mainClass)
                .contains("-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-Dnetworkaddress.cache.ttl=10");
        assertThat(config.get("ExposedPorts").has(mainPort + "/tcp")).isTrue();
        assertThat(config.get("ExposedPorts").has(observePort + "/tcp")).isTrue();

        List<String> files = new ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            files.addAll(untar(new GZIPInputStream(new ByteArrayInputStream(
                    blob(image, layer.get("digest").asText())))).keySet());
        }
        assertThat(files).anyMatch(file -> file.startsWith(expectedFile));
        assertThat(files).anyMatch(file -> file.startsWith("app/libs/grpc-netty-shaded-"));
    }

    private static byte[] blob(Map<String, byte[]> image, String digest) {
        byte[] content = image.get("blobs/sha256/" + digest.substring("sha256:".length()));
        assertThat(content).as("blob " + digest).isNotNull();
        return content;
    }

    /** Entry names and contents of a (ustar) tar stream; directories and links map to empty contents. */
    private static Map<String, byte[]> untar(InputStream stream) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = stream) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).strip().isEmpty() ? "0" : field(header, 124, 12).strip(), 8);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                String path = (prefix.isEmpty() ? name : prefix + "/" + name).replaceFirst("^\\./", "").replaceFirst("^/", "");
                entries.put(path, content);
            }
        }
        return entries;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
