package dev.authgateway.support.grpc;

import java.io.File;
import java.util.Optional;

import javax.net.ssl.SSLException;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.helidon.config.Config;

/**
 * TLS for gRPC from a {@code tls} config node: {@code enabled}, {@code cert} and {@code key} (PEM, PKCS#8 key),
 * {@code ca} (PEM of the CA that signed the peer). On a server, a {@code ca} makes it mutual: a client without a
 * certificate signed by that CA is refused during the handshake. On a client, {@code cert} and {@code key} are what
 * it presents.
 */
public final class GrpcTls {

    private GrpcTls() {
    }

    public static Optional<SslContext> server(Config tls) {
        if (!tls.get("enabled").asBoolean().orElse(false)) {
            return Optional.empty();
        }
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(file(tls, "cert"), file(tls, "key"));
            tls.get("ca").asString().filter(path -> !path.isBlank()).ifPresent(ca -> builder
                    .trustManager(new File(ca))
                    .clientAuth(ClientAuth.REQUIRE));
            return Optional.of(GrpcSslContexts.configure(builder).build());
        } catch (SSLException e) {
            throw new IllegalStateException("TLS settings under " + tls.key() + " are unusable: " + e.getMessage(), e);
        }
    }

    public static Optional<SslContext> client(Config tls) {
        if (!tls.get("enabled").asBoolean().orElse(false)) {
            return Optional.empty();
        }
        try {
            SslContextBuilder builder = GrpcSslContexts.forClient().trustManager(file(tls, "ca"));
            if (tls.get("cert").exists() && tls.get("key").exists()) {
                builder.keyManager(file(tls, "cert"), file(tls, "key"));
            }
            return Optional.of(builder.build());
        } catch (SSLException e) {
            throw new IllegalStateException("TLS settings under " + tls.key() + " are unusable: " + e.getMessage(), e);
        }
    }

    private static File file(Config tls, String name) {
        File file = new File(tls.get(name).asString().orElseThrow(() -> new IllegalStateException(
                "Missing required config: " + tls.key() + "." + name)));
        if (!file.canRead()) {
            throw new IllegalStateException(tls.key() + "." + name + ": cannot read " + file);
        }
        return file;
    }
}
