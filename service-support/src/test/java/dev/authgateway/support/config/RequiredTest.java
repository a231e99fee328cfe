package dev.authgateway.support.config;

import java.time.Duration;
import java.util.Map;

import dev.authgateway.support.grpc.GrpcChannelSettings;
import dev.authgateway.support.testing.GrpcTestConfig;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredTest {

    @Test
    void givenKeyPresent_thenItsValueIsRead() {
        Config app = ApplicationYaml.with("grpc-test.yaml", Map.of("app.timeout", "PT3S", "app.size", "7"));

        assertThat(Required.duration(app.get("app.timeout"))).isEqualTo(Duration.ofSeconds(3));
        assertThat(Required.integer(app.get("app.size"))).isEqualTo(7);
    }

    @Test
    void givenKeyMissing_thenTheErrorNamesTheFullKey() {
        Config app = ApplicationYaml.with("grpc-test.yaml", Map.of());

        assertThatThrownBy(() -> Required.duration(app.get("app.store.deadline")))
                .isInstanceOf(MissingConfigException.class)
                .hasMessageContaining("app.store.deadline");
    }

    @Test
    void givenChannelWithoutKeepalive_thenItsSettingsFailNamingTheKey() {
        Config channel = GrpcTestConfig.with(Map.of("other.port", "1")).get("other");

        assertThatThrownBy(() -> GrpcChannelSettings.from(channel))
                .isInstanceOfSatisfying(MissingConfigException.class,
                        missing -> assertThat(missing.key()).isEqualTo("other.implementation"));
    }

    @Test
    void givenOverrides_thenTheyWinOverTheYaml() {
        assertThat(GrpcChannelSettings.from(GrpcTestConfig.channel(4711, Map.of("load-balancing", "pick_first"))))
                .extracting(GrpcChannelSettings::port, GrpcChannelSettings::loadBalancing)
                .containsExactly(4711, "pick_first");
    }
}
