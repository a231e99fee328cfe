package dev.authgateway.gateway.graphql;

import dev.authgateway.support.config.Required;
import graphql.parser.ParserOptions;
import io.helidon.config.Config;

/**
 * What keeps reading a document before execution bounded, whatever the document: the parser's own limits (tokens
 * are in {@link QueryLimits}), and the selections validation walks once fragments are expanded at every spread,
 * introspection included, from {@code app.graphql.limits}. The defaults (application.yaml) sit far above what any frontend of this API sends.
 */
record AnalysisLimits(int maxSelections, int maxRuleDepth, int maxWhitespaceTokens) {

    static AnalysisLimits from(Config graphql) {
        Config limits = graphql.get("limits");
        return new AnalysisLimits(
                Required.integer(limits.get("max-selections")),
                Required.integer(limits.get("max-rule-depth")),
                Required.integer(limits.get("max-whitespace-tokens")));
    }

    /** The options every parse of a request's document uses, here and in graphql-java. */
    ParserOptions parserOptions(int maxTokens) {
        return ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(maxTokens)
                .maxRuleDepth(maxRuleDepth)
                .maxWhitespaceTokens(maxWhitespaceTokens));
    }
}
