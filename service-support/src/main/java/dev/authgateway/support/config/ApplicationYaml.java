package dev.authgateway.support.config;

import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * A yaml resource on the class path alone, without environment variables or system properties: what the settings
 * records are checked against (every key they read must be in the service's {@code application.yaml}), and what
 * in-process tests layer their few overrides over, so they run with the shipped defaults.
 */
public final class ApplicationYaml {

    public static final String RESOURCE = "application.yaml";

    private ApplicationYaml() {
    }

    /** {@value #RESOURCE} alone. */
    public static Config alone() {
        return with(RESOURCE, Map.of());
    }

    /** {@value #RESOURCE} with {@code overrides} (full keys, e.g. {@code app.store.port}) over it. */
    public static Config with(Map<String, String> overrides) {
        return with(RESOURCE, overrides);
    }

    public static Config with(String resource, Map<String, String> overrides) {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(overrides))
                .addSource(ConfigSources.classpath(resource))
                .build();
    }
}
