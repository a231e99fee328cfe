package dev.authgateway.systemtest.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.authgateway.systemtest.harness.ServiceProcess;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.DevCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's HTTP listener speaks TLS when server.tls is configured, and then only TLS. */
@ExtendWith(StackExtension.class)
class GatewayTlsIT {

    @Test
    void givenServerTls_thenHttpsWorksWithTheCaAndPlainHttpDoesNot(Stack stack) throws Exception {
        DevCertificates certs = stack.grpc().certificates();
        Map<String, String> tls = Map.of(
                "server.tls.private-key.pem.key.resource.path", certs.key("graphql-gateway").toString(),
                "server.tls.private-key.pem.cert-chain.resource.path", certs.cert("graphql-gateway").toString(),
                "app.graphiql.enabled", "true");
        try (ServiceProcess gateway = stack.startGatewayWith(tls);
             HttpClient https = HttpClient.newBuilder().sslContext(trusting(certs.ca())).build();
             HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThat(gateway.baseUrl()).startsWith("https://");

            HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"__typename\":\"Query\"");
            for (String path : List.of("/graphql", "/graphiql/", "/.well-known/jwks.json", "/nowhere")) {
                HttpResponse<String> answer = https.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path + " over TLS")
                        .hasValue("max-age=31536000");
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            }
            assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");

            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(
                    URI.create(gateway.baseUrl().replace("https://", "http://") + "/graphql"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    private static SSLContext trusting(Path caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trust.setCertificateEntry("dev-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
