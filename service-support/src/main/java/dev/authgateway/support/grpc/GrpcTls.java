package dev.authgateway.support.grpc;

import java.io.File;
import java.util.Optional;

import javax.net.ssl.SSLException;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.common.tls.TlsConfig;
import io.helidon.config.Config;

/**
 * TLS for gRPC from a {@code tls} config node: {@code enabled}, {@code cert} and {@code key} (PEM, PKCS#8 key),
 * {@code ca} (PEM of the CA that signed the peer). On a server, a {@code ca} makes it mutual: a client without a
 * certificate signed by that CA is refused during the handshake. On a client, {@code cert} and {@code key} are what
 * it presents. The same node gives grpc-java's Netty {@link SslContext} or, for {@code implementation: helidon}, a
 * Helidon {@link Tls}.
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

    /** Helidon's server TLS from the same keys; client authentication REQUIRED when {@code ca} is set. */
    public static Optional<Tls> helidonServer(Config tls) {
        if (!tls.get("enabled").asBoolean().orElse(false)) {
            return Optional.empty();
        }
        Keys identity = helidonKeys(tls);
        TlsConfig.Builder builder = Tls.builder().enabled(true).privateKey(identity).privateKeyCertChain(identity);
        tls.get("ca").asString().filter(path -> !path.isBlank()).ifPresent(ca -> builder
                .trust(helidonTrust(tls))
                .clientAuth(TlsClientAuth.REQUIRED));
        return Optional.of(builder.build());
    }

    /** Helidon's client TLS from the same keys: trust {@code ca}, present {@code cert}/{@code key} when both are set. */
    public static Optional<Tls> helidonClient(Config tls) {
        if (!tls.get("enabled").asBoolean().orElse(false)) {
            return Optional.empty();
        }
        TlsConfig.Builder builder = Tls.builder().enabled(true).trust(helidonTrust(tls));
        if (tls.get("cert").exists() && tls.get("key").exists()) {
            Keys identity = helidonKeys(tls);
            builder.privateKey(identity).privateKeyCertChain(identity);
        }
        return Optional.of(builder.build());
    }

    private static Keys helidonKeys(Config tls) {
        return Keys.builder().pem(pem -> pem
                .key(Resource.create(file(tls, "key").toPath()))
                .certChain(Resource.create(file(tls, "cert").toPath()))).build();
    }

    private static Keys helidonTrust(Config tls) {
        return Keys.builder().pem(pem -> pem.certificates(Resource.create(file(tls, "ca").toPath()))).build();
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
