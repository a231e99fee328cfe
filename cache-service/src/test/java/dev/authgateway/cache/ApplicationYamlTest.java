package dev.authgateway.cache;

import dev.authgateway.cache.redis.GuardedCacheStore;
import dev.authgateway.support.config.ApplicationYaml;
import dev.authgateway.support.config.Required;
import dev.authgateway.support.server.GrpcListenerSettings;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key the cache-service's settings read is in its application.yaml: a missing one would fail start-up. */
class ApplicationYamlTest {

    private final Config root = ApplicationYaml.alone();

    @Test
    void givenApplicationYamlAlone_thenEverySettingsRecordBuilds() {
        CacheSettings settings = CacheSettings.from(root.get("app"));
        GrpcListenerSettings grpc = GrpcListenerSettings.from(root.get("grpc"));
        GuardedCacheStore.breaker(root.get("app.redis.breaker"));

        assertThat(Required.longValue(root.get("server.max-payload-size"))).isPositive();
        assertThat(grpc.port()).isEqualTo(9092);
        assertThat(settings.store().port()).isEqualTo(9091);
        assertThat(settings.redis().keyPrefix()).isNotBlank();
    }
}
