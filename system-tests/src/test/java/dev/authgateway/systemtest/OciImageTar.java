package dev.authgateway.systemtest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /** Names and contents of the regular files in a (ustar) tar stream; directories and links are left out. */
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
                boolean regularFile = header[156] == '0' || header[156] == 0;
                if (regularFile) {
                    entries.put(path, content);
                }
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
