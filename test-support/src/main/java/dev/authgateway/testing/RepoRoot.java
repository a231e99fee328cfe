package dev.authgateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout's root: the build's authgw.repo.root if it passes one, else the nearest folder above the working
 * directory that holds ops/make-dev-certs (a module's tests run in the module's folder).
 */
public final class RepoRoot {

    private RepoRoot() {
    }

    public static Path path() {
        String configured = System.getProperty("authgw.repo.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("ops/make-dev-certs"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout (ops/make-dev-certs) above " + Path.of("").toAbsolutePath());
    }
}
