package dev.authgateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of this test's own (initdb in a temporary directory, trust auth, loopback, a free port) that
 * the test may stop and start again; {@code bin} holds PostgreSQL's programs, {@code data} the cluster. As root it
 * runs as the postgres OS user, since PostgreSQL refuses root.
 */
public record PostgresProcess(Path bin, Path data, int port) implements AutoCloseable {

    public static PostgresProcess start() throws Exception {
        Path bin = binaries();
        Path data = Files.createTempDirectory("authgw-pg");
        if (isRoot()) {
            run(List.of("chown", "postgres", data.toString()));
        }
        PostgresProcess postgres = new PostgresProcess(bin, data.resolve("data"), FreePort.next());
        postgres.asOwner(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "--auth=trust",
                "-U", "postgres", "-E", "UTF8");
        postgres.resume();
        return postgres;
    }

    /** Starts the server (again) on the same port and data, waiting until it takes connections. */
    public void resume() throws Exception {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data, "start");
    }

    /** Stops the server the way a crash would: no checkpoint, every connection cut. */
    public void crash() throws Exception {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            crash();
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(data.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void asOwner(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no initdb under /usr/lib/postgresql"));
        }
    }
}
