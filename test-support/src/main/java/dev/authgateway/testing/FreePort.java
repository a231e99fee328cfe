package dev.authgateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** Loopback ports for the servers a test starts. */
public final class FreePort {

    private FreePort() {
    }

    /** A loopback port free at the moment of asking, for a process to bind (or, unbound, to refuse connections). */
    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A service's settings plus its gRPC and HTTP sockets on loopback ports the operating system picks when it binds
     * them, for a service started inside the test's JVM (it reports the ports it got).
     */
    public static Map<String, String> pickedOnBind(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("grpc.port", "0");
        all.put("server.port", "0");
        all.put("server.host", "127.0.0.1");
        return all;
    }
}
