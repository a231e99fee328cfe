package dev.authgateway.support.server;

/**
 * A started gRPC server ({@code grpc.implementation}: {@link GrpcJavaListener} or {@link HelidonGrpcListener});
 * closing it refuses new calls and drains those in flight for up to the grace period.
 */
interface GrpcListener extends AutoCloseable {

    int port();

    @Override
    void close() throws InterruptedException;
}
