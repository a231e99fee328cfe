package dev.authgateway.systemtest.transport;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.authgateway.support.grpc.CallDeadline;
import dev.authgateway.support.grpc.GrpcChannels;
import dev.authgateway.support.testing.GrpcTestConfig;
import dev.authgateway.systemtest.harness.Stack;
import dev.authgateway.systemtest.harness.StackExtension;
import dev.authgateway.testing.DevCertificates;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each gRPC service talks only to clients with a certificate from the stack's CA (mutual TLS). */
@ExtendWith(StackExtension.class)
class MutualTlsIT {

    private static final CallDeadline DEADLINE = new CallDeadline(Duration.ofSeconds(3));

    @Test
    void givenClientsWithoutAValidCertificate_thenEachGrpcServiceRefusesThem(Stack stack) throws Exception {
        DevCertificates certs = stack.grpc().certificates();
        DevCertificates strangers = DevCertificates.make(Files.createTempDirectory("authgw-other-ca"));

        for (int port : new int[] {stack.grpc().storePort(), stack.grpc().cachePort()}) {
            assertRefused(port, Map.of(), "plaintext");
            assertRefused(port, Map.of("tls.enabled", "true", "tls.ca", certs.ca().toString()),
                    "TLS without a client certificate");
            Map<String, String> otherCa = new HashMap<>(strangers.client("tls", "graphql-gateway"));
            otherCa.put("tls.ca", certs.ca().toString());
            assertRefused(port, otherCa, "a certificate from another CA");

            assertThat(serving(port, certs.client("tls", "graphql-gateway")))
                    .as("a certificate from the stack's CA").isTrue();
        }
    }

    private static void assertRefused(int port, Map<String, String> tls, String client) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> serving(port, tls));
        assertThat(refused).as(client + " on port " + port).isNotNull();
    }

    private static boolean serving(int port, Map<String, String> tls) {
        ManagedChannel channel = GrpcChannels.open(GrpcTestConfig.channel(port, tls));
        try {
            return DEADLINE.on(HealthGrpc.newBlockingStub(channel)).check(HealthCheckRequest.getDefaultInstance())
                    .getStatus() == ServingStatus.SERVING;
        } finally {
            GrpcChannels.close(channel);
        }
    }
}
