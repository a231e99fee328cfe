package dev.authgateway.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two certificate authorities made by {@code ops/make-dev-certs}: the trusted one, and a foreign one whose
 * certificates carry the same names but must be refused.
 */
public record TestCertificates(Path trusted, Path foreign) {

    /** Makes both sets under the directory given (a test's temporary directory). */
    public static TestCertificates make(Path directory) throws Exception {
        return new TestCertificates(run(directory.resolve("trusted")), run(directory.resolve("foreign")));
    }

    /** The trusted CA's certificate; {@code name} is store-service, cache-service or graphql-gateway. */
    public Path ca() {
        return trusted.resolve("ca.pem");
    }

    public Path cert(String name) {
        return trusted.resolve(name + ".pem");
    }

    public Path key(String name) {
        return trusted.resolve(name + ".key");
    }

    public Path foreignCa() {
        return foreign.resolve("ca.pem");
    }

    public Path foreignCert(String name) {
        return foreign.resolve(name + ".pem");
    }

    public Path foreignKey(String name) {
        return foreign.resolve(name + ".key");
    }

    private static Path run(Path directory) throws Exception {
        Path script = repoRoot().resolve("ops/make-dev-certs");
        Process process = new ProcessBuilder("bash", script.toString(), directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0
                || !Files.exists(directory.resolve("ca.pem"))) {
            throw new IllegalStateException("ops/make-dev-certs failed: " + output);
        }
        return directory;
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("ops/make-dev-certs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("ops/make-dev-certs not found above " + Path.of("").toAbsolutePath());
    }
}
