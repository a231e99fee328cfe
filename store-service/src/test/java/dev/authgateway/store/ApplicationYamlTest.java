package dev.authgateway.store;

import dev.authgateway.store.crypto.SecretKeyRing;
import dev.authgateway.store.webauthn.RelyingPartySettings;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.config.Required;
import dev.authgateway.support.server.GrpcListenerSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key the store-service's settings read is in its application.yaml: a missing one would fail start-up. */
class ApplicationYamlTest {

    private final Config root = ApplicationYaml.alone();

    @Test
    void givenApplicationYamlAlone_thenEverySettingsRecordBuilds() {
        StoreSettings settings = StoreSettings.from(root.get("app"));
        GrpcListenerSettings grpc = GrpcListenerSettings.from(root.get("grpc"));

        assertThat(Required.longValue(root.get("server.max-payload-size"))).isPositive();
        assertThat(grpc.port()).isEqualTo(9091);
        assertThat(settings.db().url()).startsWith("jdbc:postgresql:");
        assertThat(settings.hash().memoryKib()).isEqualTo(19456);
        assertThat(settings.secondFactor().challengeLifetime()).hasMinutes(5);
        assertThat(settings.secondFactor().challengeMaxFailures()).isEqualTo(5);
        assertThat(SecretKeyRing.from(root.get("app.second-factor.encryption")).isEmpty())
                .as("no key in the shipped yaml").isTrue();
        assertThat(settings.passkeys().ceremonyLifetime()).hasMinutes(5);
    }

    @Test
    void givenApplicationYamlAlone_thenThePasskeyRelyingPartyIsTheDevStacks() {
        RelyingPartySettings relyingParty = RelyingPartySettings.from(root.get("app.passkeys"));

        assertThat(relyingParty.rpId()).isEqualTo("localhost");
        assertThat(relyingParty.rpName()).isEqualTo("Auth Gateway");
        assertThat(relyingParty.origins()).containsExactlyInAnyOrder("http://localhost:8080", "http://localhost:5173",
                "http://localhost:3000");
    }

    @Test
    void givenTheDevProfile_thenItsKeyRingParses() {
        Config dev = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application-dev.yaml"))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();

        SecretKeyRing ring = SecretKeyRing.from(dev.get("app.second-factor.encryption"));

        assertThat(ring.activeKeyId()).isEqualTo("dev-2026");
        assertThat(ring.keys()).containsOnlyKeys("dev-2026");
    }
}
