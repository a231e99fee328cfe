package dev.authgateway.systemtest.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authgateway.testing.FreePort;
import dev.authgateway.testing.RepoRoot;

/** One service started from its packaged jar, as an operator would run it, with its log in target/. */
public record ServiceProcess(String name, int port, int managementPort, Path logFile, Process process, boolean tls)
        implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** Services whose HTTP API has a management socket of its own for /observe (the others' HTTP port is one). */
    private static final java.util.Set<String> WITH_MANAGEMENT_SOCKET = java.util.Set.of("graphql-gateway");

    /**
     * Starts a module's jar with its HTTP port (the gateway's API; a gRPC service's health and metrics) and extra
     * properties; the gateway's management socket gets a free port of its own.
     */
    public static ServiceProcess start(String module, int port, Map<String, String> properties) throws IOException {
        Path root = RepoRoot.path();
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify builds them)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-Dserver.host=127.0.0.1");
        command.add("-Dserver.port=" + port);
        int managementPort = port;
        if (WITH_MANAGEMENT_SOCKET.contains(module)) {
            managementPort = FreePort.next();
            command.add("-Dserver.sockets.0.host=127.0.0.1");
            command.add("-Dserver.sockets.0.port=" + managementPort);
        }
        boolean tls = properties.keySet().stream().anyMatch(key -> key.startsWith("server.tls."));
        if ("graphql-gateway".equals(module) && !properties.containsKey("app.public-base-url")) {
            // The gateway's own URL, so its discovery document points at this process's port.
            command.add("-Dapp.public-base-url=" + (tls ? "https" : "http") + "://127.0.0.1:" + port);
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());

        Path logDir = root.resolve("system-tests").resolve("target").resolve("service-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(module + "-" + port + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceProcess service = new ServiceProcess(module, port, managementPort, log, process, tls);
        service.awaitReady();
        return service;
    }

    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** Where /observe/* is served: the gateway's management socket (plain HTTP: server.tls is the API's), else the
     *  HTTP port. */
    public String managementUrl() {
        return managementPort == port ? baseUrl() : "http://127.0.0.1:" + managementPort;
    }

    /** The process id, to read the service's heap from outside. */
    public long pid() {
        return process.pid();
    }

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (HttpClient http = probeClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
                }
                try {
                    HttpResponse<Void> response = http.send(
                            HttpRequest.newBuilder(URI.create(managementUrl() + "/observe/health/ready"))
                                    .timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // keep polling until the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(Duration.ofMillis(200));
            }
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    }

    /** Readiness is probed only for "is it up"; with TLS the probe trusts any certificate (loopback, tests only). */
    private HttpClient probeClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (tls) {
            try {
                javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
                trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                    @Override
                    public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
                    }

                    @Override
                    public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                    }

                    @Override
                    public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                        return new java.security.cert.X509Certificate[0];
                    }
                }}, null);
                builder.sslContext(trustAll);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return builder.build();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Graceful stop (SIGTERM), as an orchestrator would; forced after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
