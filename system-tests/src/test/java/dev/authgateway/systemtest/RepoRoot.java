package dev.authgateway.systemtest;

import java.nio.file.Path;

/** The checkout's root, passed by the build as authgw.repo.root (the parent of this module). */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path path() {
        String configured = System.getProperty("authgw.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }
}
