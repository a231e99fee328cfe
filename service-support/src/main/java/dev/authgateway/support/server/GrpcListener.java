package dev.authgateway.support.server;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Server;

/** A started gRPC server with its handler threads; closing it drains calls in flight for up to the grace period. */
record GrpcListener(Server server, ExecutorService handlers, Duration grace) implements AutoCloseable {

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            server.shutdownNow();
        }
        handlers.shutdown();
        if (!handlers.awaitTermination(1, TimeUnit.SECONDS)) {
            handlers.shutdownNow();
        }
    }
}
