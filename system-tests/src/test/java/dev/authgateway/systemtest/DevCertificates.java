package dev.authgateway.systemtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Dev certificates made by ops/make-dev-certs, and the TLS settings that use them. */
final class DevCertificates {

    private DevCertificates() {
    }

    static Path make(Path directory) throws Exception {
        Process process = new ProcessBuilder("bash", RepoRoot.path().resolve("ops/make-dev-certs").toString(),
                directory.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                || !Files.exists(directory.resolve("ca.pem"))) {
            throw new IllegalStateException("ops/make-dev-certs failed: " + output);
        }
        return directory;
    }

    /** A gRPC server's settings: its own certificate, and clients must present one signed by the dev CA. */
    static Map<String, String> server(String prefix, Path certs, String name) {
        return Map.of(prefix + ".enabled", "true",
                prefix + ".cert", certs.resolve(name + ".pem").toString(),
                prefix + ".key", certs.resolve(name + ".key").toString(),
                prefix + ".ca", certs.resolve("ca.pem").toString());
    }

    /** A gRPC client's settings: trust the dev CA, present its own certificate. */
    static Map<String, String> client(String prefix, Path certs, String name) {
        return server(prefix, certs, name);
    }
}
