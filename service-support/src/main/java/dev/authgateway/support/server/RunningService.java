package dev.authgateway.support.server;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.webserver.WebServer;

/**
 * A started service: its server and the resources it owns (pools, clients, channels), closed in reverse
 * order of opening after the server has drained, on {@link #close()} or at JVM shutdown.
 */
public final class RunningService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningService.class.getName());

    private final WebServer server;
    private final List<AutoCloseable> resources;

    public RunningService(WebServer server, List<AutoCloseable> resources) {
        this.server = server;
        this.resources = new ArrayList<>(resources);
    }

    public int port() {
        return server.port();
    }

    public WebServer server() {
        return server;
    }

    /** Closes this service when the JVM shuts down (SIGTERM, Ctrl-C). */
    public RunningService closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::close));
        return this;
    }

    @Override
    public synchronized void close() {
        if (server.isRunning()) {
            server.stop();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing " + resources.get(i) + " failed", e);
            }
        }
        resources.clear();
    }
}
