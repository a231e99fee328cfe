package dev.authgateway.gateway.graphql;

import java.time.Duration;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * What one request may ask of the gateway, checked before execution, from {@code app.graphql}. The defaults
 * (application.yaml) fit every document a frontend of this
 * API needs (the deepest, signup with its user, has depth 3 and 8 fields) with room to spare.
 */
record QueryLimits(int maxDepth, int maxAliases, int maxCost, int maxTokens, boolean introspection,
                   Duration timeout, boolean batching, int maxBatchSize) {

    static QueryLimits from(Config graphql) {
        Config limits = graphql.get("limits");
        return new QueryLimits(
                Required.integer(limits.get("max-depth")),
                Required.integer(limits.get("max-aliases")),
                Required.integer(limits.get("max-cost")),
                Required.integer(limits.get("max-tokens")),
                Required.bool(graphql.get("introspection")),
                Required.duration(limits.get("timeout")),
                Required.bool(graphql.get("batching.enabled")),
                Required.integer(graphql.get("batching.max-size")));
    }
}
