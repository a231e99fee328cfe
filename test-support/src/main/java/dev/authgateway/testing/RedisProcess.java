package dev.authgateway.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server (or Sentinel) of a test's own on a free loopback port, keeping nothing on disk, that the test may
 * kill: for outage and failover tests, never touching the machine's Redis.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final Process process;

    private RedisProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** A standalone server (a master until a replica follows it), with extra redis-server options if any. */
    public static RedisProcess master(String... serverOptions) throws Exception {
        return start(List.of(serverOptions));
    }

    public static RedisProcess replicaOf(RedisProcess master) throws Exception {
        return start(List.of("--replicaof", "127.0.0.1", String.valueOf(master.port)));
    }

    /** A Sentinel watching {@code master} as {@code name}, deciding with a quorum of two, down after one second. */
    public static RedisProcess sentinel(String name, RedisProcess master) throws Exception {
        int port = FreePort.next();
        Path dir = Files.createTempDirectory("authgw-sentinel");
        Path config = dir.resolve("sentinel.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + dir,
                "sentinel monitor " + name + " 127.0.0.1 " + master.port + " 2",
                "sentinel down-after-milliseconds " + name + " 1000",
                "sentinel failover-timeout " + name + " 5000",
                "sentinel parallel-syncs " + name + " 1", ""));
        return launch(port, List.of("redis-server", config.toString(), "--sentinel"), dir);
    }

    private static RedisProcess start(List<String> extra) throws Exception {
        int port = FreePort.next();
        Path dir = Files.createTempDirectory("authgw-redis");
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extra);
        return launch(port, command, dir);
    }

    private static RedisProcess launch(int port, List<String> command, Path dir) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return new RedisProcess(port, process);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not start on " + port + ": " + command);
    }

    /** Waits until redis-cli on this process answers a line containing {@code expected} (at most 30 s). */
    public void awaitCli(String expected, String... command) throws Exception {
        List<String> cli = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        cli.addAll(List.of(command));
        String last = "";
        for (int i = 0; i < 300; i++) {
            Process probe = new ProcessBuilder(cli).redirectErrorStream(true).start();
            last = new String(probe.getInputStream().readAllBytes());
            probe.waitFor(5, TimeUnit.SECONDS);
            if (last.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("redis-cli " + cli + " never answered '" + expected + "': " + last);
    }

    public int port() {
        return port;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    /** Killed at once, as a crashed machine would be. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
