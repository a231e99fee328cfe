package dev.authgateway.gateway.graphql;

import java.time.Duration;

import io.helidon.config.Config;

/**
 * What one request may ask of the gateway, checked before execution. Defaults fit every document a frontend of this
 * API needs (the deepest, signup with its user, has depth 3 and 8 fields) with room to spare.
 */
record QueryLimits(int maxDepth, int maxAliases, int maxCost, int maxTokens, boolean introspection,
                   Duration timeout, boolean batching, int maxBatchSize) {

    static QueryLimits from(Config graphql) {
        Config limits = graphql.get("limits");
        return new QueryLimits(
                limits.get("max-depth").asInt().orElse(10),
                limits.get("max-aliases").asInt().orElse(10),
                limits.get("max-cost").asInt().orElse(100),
                limits.get("max-tokens").asInt().orElse(1000),
                graphql.get("introspection").asBoolean().orElse(false),
                limits.get("timeout").as(Duration.class).orElse(Duration.ofSeconds(5)),
                graphql.get("batching.enabled").asBoolean().orElse(false),
                graphql.get("batching.max-size").asInt().orElse(10));
    }
}
