package dev.authgateway.support.server;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.webserver.WebServer;

/**
 * A started service: its HTTP server, its gRPC listener if it has one, and the resources it owns (pools, clients,
 * channels). {@link #close()} first stops taking gRPC calls and drains those in flight, then stops HTTP, then closes
 * the resources in reverse order of opening.
 */
public final class RunningService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningService.class.getName());

    private final WebServer http;
    private final GrpcListener grpc;
    private final List<AutoCloseable> resources;

    /** A service with HTTP only (the gateway). */
    public RunningService(WebServer http, List<AutoCloseable> resources) {
        this(http, null, resources);
    }

    RunningService(WebServer http, GrpcListener grpc, List<AutoCloseable> resources) {
        this.http = http;
        this.grpc = grpc;
        this.resources = new ArrayList<>(resources);
    }

    /** The HTTP port: the gateway's API, or a gRPC service's /observe endpoints. */
    public int port() {
        return http.port();
    }

    /** The gRPC port of a gRPC service. */
    public int grpcPort() {
        if (grpc == null) {
            throw new IllegalStateException("This service has no gRPC listener");
        }
        return grpc.port();
    }

    @Override
    public synchronized void close() {
        if (grpc != null) {
            closeQuietly(grpc);
        }
        if (http.isRunning()) {
            http.stop();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            closeQuietly(resources.get(i));
        }
        resources.clear();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Closing " + resource + " failed", e);
        }
    }
}
