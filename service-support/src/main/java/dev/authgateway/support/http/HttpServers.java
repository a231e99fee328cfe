package dev.authgateway.support.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.authgateway.support.config.Required;
import io.helidon.common.socket.SocketOptions;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.ListenerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;

/**
 * Every HTTP listener of the services, built from a {@code server} config node the same way:
 * <ul>
 *   <li>{@code max-payload-size} (bytes; a larger body gets 413 whatever its framing) is required (every
 *       application.yaml sets it) and never unlimited: -1 fails start-up; a named socket without its own gets the
 *       default socket's;</li>
 *   <li>{@code max-tcp-connections} bounds the connections each listener holds (default
 *       {@value #DEFAULT_MAX_CONNECTIONS}; a named socket without its own gets the default socket's), never unlimited,
 *       and all listeners' together must fit the process's open-file limit with room to spare
 *       ({@link FileDescriptorBudget}): Helidon closes a listener for good when {@code accept} fails, so a
 *       connection flood that ran the process out of file descriptors would leave it alive and deaf. At the bound
 *       new connections wait in the kernel's backlog until one closes;</li>
 *   <li>TCP_NODELAY on every listener;</li>
 *   <li>HTTP/1.1 connections read chunk lines through {@link ChunkLines} (bounded, extensions allowed, a chunk over
 *       the limit refused before it is read);</li>
 *   <li>requests refused before routing get a typed JSON body ({@link JsonDirectHandler});</li>
 *   <li>each routing admits canonical paths only ({@link CanonicalPaths}) and answers HEAD without a body
 *       ({@link HeadWithoutBody}).</li>
 * </ul>
 * The management socket, {@value #MANAGEMENT_SOCKET}, serves {@code /observe/*} apart from the API where a service
 * has an API over HTTP (the gateway); it is configured under {@code server.sockets}.
 */
public final class HttpServers {

    /** Connections a listener holds at once unless {@code max-tcp-connections} says otherwise. */
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;

    /** The name of the socket that serves health and metrics apart from the API. */
    public static final String MANAGEMENT_SOCKET = "admin";

    private HttpServers() {
    }

    /**
     * A server builder for {@code server} whose default socket serves {@code routing}; features are the caller's.
     * Every listener speaks HTTP/1.1 through {@link GuardedHttp1} and nothing else: Helidon's own protocol selectors
     * (its HTTP/1.1 one, which upgrades a connection to HTTP/2 on a client's {@code Upgrade: h2c}, and HTTP/2 with
     * prior knowledge) are not installed. On an upgraded connection one refused request body (413) stopped the
     * connection's reader for good, Helidon's HTTP/2 stream waiting for a handler to take data it never would: every
     * later request on it hung, and the connection and its thread were held (seen in CI with the JDK client, which
     * offers h2c). gRPC has listeners of its own.
     */
    public static WebServerConfig.Builder builder(Config server, HttpRouting.Builder routing) {
        long maxPayload = Required.longValue(server.get("max-payload-size"));
        if (maxPayload < 0) {
            throw new IllegalStateException(server.get("max-payload-size").key() + " must be a number of bytes: "
                    + "an unlimited body lets one request fill the heap");
        }
        int maxConnections = maxConnections(server.get("max-tcp-connections"), DEFAULT_MAX_CONNECTIONS);
        // Helidon adds a configured protocols node back when it builds; the HTTP/1.1 settings go to GuardedHttp1.
        Http1Config http1 = server.get("protocols.http_1_1").exists()
                ? Http1Config.create(server.get("protocols.http_1_1")) : Http1Config.create();
        WebServerConfig.Builder builder = WebServer.builder().config(withoutProtocols(server))
                .maxPayloadSize(maxPayload)
                .maxTcpConnections(maxConnections);
        long allListeners = maxConnections;
        builder.connectionOptions(noDelay(builder.connectionOptions().orElseGet(SocketOptions::create)));
        builder.addConnectionSelector(new GuardedHttp1(http1))
                .protocols(List.of())
                .protocolsDiscoverServices(false)
                .directHandlers(JsonDirectHandler.forEveryEvent())
                .routing(guarded(routing));
        for (Map.Entry<String, ListenerConfig> socket : Map.copyOf(builder.sockets()).entrySet()) {
            ListenerConfig named = socket.getValue();
            // Helidon read the socket's own max-tcp-connections; unset (or -1) it is the default socket's.
            int namedConnections = named.maxTcpConnections() > 0 ? named.maxTcpConnections() : maxConnections;
            allListeners += namedConnections;
            builder.putSocket(socket.getKey(), ListenerConfig.builder()
                    .from(named)
                    .maxPayloadSize(named.maxPayloadSize() < 0 ? maxPayload : named.maxPayloadSize())
                    .maxTcpConnections(namedConnections)
                    .connectionOptions(noDelay(named.connectionOptions()))
                    .addConnectionSelector(new GuardedHttp1(http1(named.protocols())))
                    .protocols(List.of())
                    .protocolsDiscoverServices(false)
                    .directHandlers(JsonDirectHandler.forEveryEvent())
                    .build());
            builder.routing(socket.getKey(), HttpServers::guarded);
        }
        FileDescriptorBudget.ofThisProcess().check(allListeners);
        return builder;
    }

    /** The server's node without its own {@code protocols} (a socket's are dropped by rebuilding the socket). */
    private static Config withoutProtocols(Config server) {
        String prefix = server.key().toString() + ".";
        Map<String, String> values = new LinkedHashMap<>();
        server.traverse().filter(Config::isLeaf).forEach(node -> {
            String key = node.key().toString().substring(prefix.length());
            if (!key.startsWith("protocols.")) {
                node.asString().ifPresent(value -> values.put(key, value));
            }
        });
        return Config.just(ConfigSources.create(values));
    }

    private static int maxConnections(Config key, int otherwise) {
        int connections = key.asInt().orElse(otherwise);
        if (connections <= 0) {
            throw new IllegalStateException(key.key() + " must be a number of connections: without a bound a "
                    + "connection flood takes every file descriptor, and the listener stops accepting for good");
        }
        return connections;
    }

    /** The typed answer to a request refused before routing, for a listener that decorates it (headers). */
    public static io.helidon.http.DirectHandler typedErrorAnswers() {
        return JsonDirectHandler.INSTANCE;
    }

    private static HttpRouting.Builder guarded(HttpRouting.Builder routing) {
        return routing.addFilter(new HeadWithoutBody()).addFilter(new CanonicalPaths());
    }

    /**
     * TCP_NODELAY on: an answer written in more than one piece (the health and metrics observers stream chunked
     * JSON) otherwise waits for the client's delayed ACK, 40 ms a request on Linux (23 requests/s on one connection).
     */
    private static SocketOptions noDelay(SocketOptions options) {
        return SocketOptions.builder().from(options).tcpNoDelay(true).build();
    }

    private static Http1Config http1(java.util.List<io.helidon.webserver.spi.ProtocolConfig> protocols) {
        return protocols.stream()
                .filter(Http1Config.class::isInstance)
                .map(Http1Config.class::cast)
                .findFirst()
                .orElseGet(Http1Config::create);
    }
}
