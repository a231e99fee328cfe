package dev.authgateway.gateway;

import java.util.Arrays;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;
import io.helidon.cors.CrossOriginConfig;
import io.helidon.webserver.cors.CorsSupport;

/**
 * Which browser origins may call the API, from {@code app.cors.allowed-origins} (comma-separated; empty: none, so
 * only same-origin pages and non-browser clients). Preflights from other origins are refused with 403. With the
 * refresh cookie on, credentialed requests are allowed: Access-Control-Allow-Credentials with the exact origin
 * echoed, never {@code *}.
 */
final class CorsPolicy {

    private CorsPolicy() {
    }

    static CorsSupport from(Config cors, boolean credentials) {
        String[] origins = Arrays.stream(Required.string(cors.get("allowed-origins")).split(","))
                .map(String::strip).filter(origin -> !origin.isEmpty()).toArray(String[]::new);
        if (origins.length == 0) {
            return CorsSupport.builder().enabled(false).build();
        }
        return CorsSupport.builder()
                .addCrossOrigin(CrossOriginConfig.builder()
                        .allowOrigins(origins)
                        .allowMethods("GET", "POST")
                        .allowCredentials(credentials)
                        .allowHeaders("Content-Type", "Accept", "Authorization", "X-Request-Id")
                        .exposeHeaders("X-Request-Id")
                        .maxAgeSeconds(Required.longValue(cors.get("max-age-seconds")))
                        .build())
                .build();
    }
}
