package dev.authgateway.gateway.graphql;

/** Documents built to make reading them expensive, named so tests can say which one they send. */
final class HostileDocuments {

    private HostileDocuments() {
    }

    /**
     * {@code query Q { ...F0 } fragment F0 on Query { ...F1 ...F1 } ... fragment Fn on Query { leaf }}: 2^levels
     * copies of the leaf once expanded, in about 10 tokens a level (98 levels fit in 1000 tokens).
     */
    static String doubling(int levels, String leaf) {
        return doubling("Q", levels, leaf);
    }

    static String doubling(String operationName, int levels, String leaf) {
        return "query " + operationName + " { ...F0 } " + doublingFragments("F", "Query", levels, leaf);
    }

    static String doublingFragments(String prefix, String type, int levels, String leaf) {
        StringBuilder document = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            document.append("fragment ").append(prefix).append(level).append(" on ").append(type).append(" { ...")
                    .append(prefix).append(level + 1).append(" ...").append(prefix).append(level + 1).append(" } ");
        }
        return document.append("fragment ").append(prefix).append(levels).append(" on ").append(type)
                .append(" { ").append(leaf).append(" }").toString();
    }

    /** {@code { a { a { ... } } }}, the field named {@code field} nested {@code levels} deep. */
    static String nested(String field, int levels) {
        return "{ " + (field + " { ").repeat(levels - 1) + field + " }".repeat(levels);
    }
}
