package dev.authgateway.systemtest.packaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** An OCI image layout in a tarball, as {@code jib:buildTar} writes it: its one manifest, config and layer files. */
final class OciImageTar {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, byte[]> entries;
    private final JsonNode index;
    private final JsonNode manifest;

    private OciImageTar(Map<String, byte[]> entries) throws IOException {
        this.entries = entries;
        this.index = JSON.readTree(entries.get("index.json"));
        this.manifest = JSON.readTree(blob(index.at("/manifests/0/digest").asText()));
    }

    static OciImageTar read(Path tarball) throws IOException {
        return new OciImageTar(untar(Files.newInputStream(tarball)));
    }

    /** The reference the image was built as (org.opencontainers.image.ref.name). */
    String name() {
        return index.at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText();
    }

    /** The image config's {@code config} object: User, Entrypoint, ExposedPorts, Env. */
    JsonNode config() throws IOException {
        return JSON.readTree(blob(manifest.at("/config/digest").asText())).get("config");
    }

    /** Every regular file of every layer, by path without the leading slash. */
    Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (JsonNode layer : manifest.get("layers")) {
            files.putAll(untar(new GZIPInputStream(new ByteArrayInputStream(blob(layer.get("digest").asText())))));
        }
        return files;
    }

    private byte[] blob(String digest) {
        byte[] content = entries.get("blobs/sha256/" + digest.substring("sha256:".length()));
        if (content == null) {
            throw new IllegalStateException("the image has no blob " + digest);
        }
        return content;
    }

    /** Names and contents of the regular files in a tar stream; directories and links are left out. */
    private static Map<String, byte[]> untar(InputStream stream) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""), tar.readAllBytes());
                }
            }
        }
        return entries;
    }
}
