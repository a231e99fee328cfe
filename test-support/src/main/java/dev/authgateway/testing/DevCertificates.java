package dev.authgateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and a certificate per service, made by ops/make-dev-certs in a folder of the test's own,
 * and the TLS settings that use them. A service is store-service, cache-service or graphql-gateway.
 */
public record DevCertificates(Path directory) {

    public static DevCertificates make(Path directory) throws Exception {
        Process process = new ProcessBuilder("bash", RepoRoot.path().resolve("ops/make-dev-certs").toString(),
                directory.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                || !Files.exists(directory.resolve("ca.pem"))) {
            throw new IllegalStateException("ops/make-dev-certs failed: " + output);
        }
        return new DevCertificates(directory);
    }

    public Path ca() {
        return directory.resolve("ca.pem");
    }

    public Path cert(String service) {
        return directory.resolve(service + ".pem");
    }

    public Path key(String service) {
        return directory.resolve(service + ".key");
    }

    /** A gRPC server's settings under {@code prefix}: its own certificate; clients must present one this CA signed. */
    public Map<String, String> server(String prefix, String service) {
        return Map.of(prefix + ".enabled", "true",
                prefix + ".cert", cert(service).toString(),
                prefix + ".key", key(service).toString(),
                prefix + ".ca", ca().toString());
    }

    /** A gRPC client's settings under {@code prefix}: trust this CA, present the service's own certificate. */
    public Map<String, String> client(String prefix, String service) {
        return server(prefix, service);
    }
}
