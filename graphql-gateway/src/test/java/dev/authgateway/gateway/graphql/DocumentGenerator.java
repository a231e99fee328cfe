package dev.authgateway.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Documents shaped to make reading them expensive, drawn from a seeded random source: fragment fan-out and cycles,
 * nesting, long selections of one field, aliases, arguments, directives, variables, many operations, whitespace, and
 * random mixes of all of them. Each is cut to the 64 KiB the gateway accepts on the wire.
 */
final class DocumentGenerator {

    static final int WIRE_LIMIT = 65_536;

    private static final List<String> FIELDS = List.of("profile", "id", "username", "email", "__typename", "user",
            "signup", "login", "accessToken", "__schema", "__type", "types", "fields", "ofType", "name", "a");
    private static final List<String> TYPES = List.of("Query", "User", "AuthPayload", "Mutation", "__Type",
            "__Schema", "Nope");
    private static final List<String> DIRECTIVES = List.of("@include(if: $v0)", "@skip(if: true)", "@deprecated",
            "@nope(x: 1)", "@include(if: false) @include(if: true)", "@defer");

    private final SplittableRandom random;

    DocumentGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One document and the family it was drawn from, named for failure messages. */
    record Shape(String family, String document, String operationName) {
    }

    Shape next() {
        Shape shape = switch (random.nextInt(9)) {
            case 0 -> fanOut();
            case 1 -> fieldFanOut();
            case 2 -> nesting();
            case 3 -> longSelection();
            case 4 -> manyOperations();
            case 5 -> heavyArguments();
            case 6 -> padded();
            default -> mix();
        };
        return new Shape(shape.family(), cut(shape.document()), shape.operationName());
    }

    /** Fragments each spreading the next ones several times, on any type, ending in any leaf. */
    private Shape fanOut() {
        int levels = 1 + random.nextInt(130);
        int fanOut = 2 + random.nextInt(4);
        int reach = 1 + random.nextInt(3);
        String type = pick(TYPES);
        String leaf = pick(List.of("__typename", "id", "...Nowhere", "profile { id }", "__schema { types { name } }",
                "ofType { name }", "a: __typename b: __typename"));
        String name = "Q" + random.nextInt(1_000_000);
        StringBuilder document = new StringBuilder();
        document.append(random.nextBoolean() ? "query " + name + " { ...F0 } "
                : "query " + name + " { __schema { types { ...F0 } } } ");
        for (int level = 0; level < levels; level++) {
            document.append("fragment F").append(level).append(" on ").append(type).append(" {");
            for (int spread = 0; spread < fanOut; spread++) {
                int target = Math.min(levels, level + 1 + random.nextInt(reach));
                document.append(" ...F").append(random.nextInt(8) == 0 ? random.nextInt(levels + 1) : target);
            }
            document.append(" } ");
        }
        document.append("fragment F").append(levels).append(" on ").append(type).append(" { ").append(leaf)
                .append(" }");
        return new Shape("fan-out", document.toString(), name);
    }

    /** Fragments spreading the next inside same-named fields: what graphql-java's overlapping-fields rule expands. */
    private Shape fieldFanOut() {
        int levels = 1 + random.nextInt(60);
        int fanOut = 2 + random.nextInt(3);
        String field = pick(List.of("profile", "user", "ofType", "a", "__typename"));
        String type = pick(TYPES);
        String root = random.nextBoolean() ? "{ ...G0 }" : "{ __schema { types { ...G0 } } }";
        StringBuilder document = new StringBuilder("query P ").append(root).append(' ');
        for (int level = 0; level < levels; level++) {
            document.append("fragment G").append(level).append(" on ").append(type).append(" {");
            for (int copy = 0; copy < fanOut; copy++) {
                document.append(' ').append(field).append(" { ...G").append(level + 1).append(" }");
            }
            document.append(" } ");
        }
        document.append("fragment G").append(levels).append(" on ").append(type).append(" { id name }");
        return new Shape("field-fan-out", document.toString(), "P");
    }

    private Shape nesting() {
        int levels = 1 + random.nextInt(700);
        String field = pick(List.of("a", "profile", "ofType", "__typename"));
        String open = switch (random.nextInt(4)) {
            case 0 -> field + " { ";
            case 1 -> field + " { ... on User { ";
            case 2 -> field + "(x: [[[1]]]) @skip(if: false) { ";
            default -> "... { ";
        };
        int closing = open.length() - open.replace("{", "").length();
        String prefix = random.nextBoolean() ? "{ __schema { types { " : "{ ";
        String suffix = prefix.equals("{ ") ? " }" : " } } }";
        return new Shape("nesting", prefix + open.repeat(levels) + "id" + " }".repeat(closing * levels) + suffix,
                null);
    }

    private Shape longSelection() {
        int count = 1 + random.nextInt(random.nextBoolean() ? 300 : 20_000);
        String item = switch (random.nextInt(5)) {
            case 0 -> "id ";
            case 1 -> "a: id ";
            case 2 -> "profile { id } ";
            case 3 -> "profile(x: %d) { id } ";
            default -> "... on User { id } ";
        };
        StringBuilder selection = new StringBuilder("{ profile { ");
        for (int i = 0; i < count; i++) {
            selection.append(item.formatted(i));
        }
        return new Shape("long-selection", selection.append("} }").toString(), null);
    }

    private Shape manyOperations() {
        int count = 1 + random.nextInt(3_000);
        StringBuilder document = new StringBuilder();
        for (int i = 0; i < count; i++) {
            document.append("query O").append(i).append("($v0: Boolean = true) { ...Shared @include(if: $v0) } ");
        }
        document.append("fragment Shared on Query { profile { id username } __typename ").append(pick(DIRECTIVES))
                .append(" }");
        return new Shape("many-operations", document.toString(), "O" + random.nextInt(count));
    }

    private Shape heavyArguments() {
        int variables = random.nextInt(300);
        StringBuilder document = new StringBuilder("query H(");
        for (int i = 0; i < variables; i++) {
            document.append("$v").append(i).append(": ").append(pick(List.of("Boolean", "String!", "[[Int]]",
                    "SignupInput", "Nope"))).append(random.nextBoolean() ? " = " + value(3) : "").append(' ');
        }
        document.append(variables == 0 ? "$v0: Boolean" : "").append(") { ");
        int fields = 1 + random.nextInt(40);
        for (int i = 0; i < fields; i++) {
            document.append("f").append(i).append(": profile(");
            int arguments = 1 + random.nextInt(20);
            for (int a = 0; a < arguments; a++) {
                document.append("x").append(random.nextInt(5)).append(": ").append(value(4)).append(' ');
            }
            document.append(") ").append(pick(DIRECTIVES)).append(" { id } ");
        }
        return new Shape("arguments", document.append('}').toString(), "H");
    }

    private Shape padded() {
        String filler = pick(List.of(" ", ",", "\n", "# a comment\n", "\t,\r\n"));
        int repeat = 1 + random.nextInt(WIRE_LIMIT / filler.length());
        return new Shape("whitespace", "{" + filler.repeat(repeat / 2) + "__typename" + filler.repeat(repeat / 2) + "}",
                null);
    }

    /** A random document using every construct, fragments spreading any fragment (cycles, unknown names). */
    private Shape mix() {
        int fragments = random.nextInt(40);
        StringBuilder document = new StringBuilder();
        int operations = random.nextInt(6);
        for (int i = 0; i < Math.max(1, operations); i++) {
            if (operations == 0) {
                document.append(selectionSet(3, fragments)).append(' ');
                continue;
            }
            document.append(pick(List.of("query", "query", "mutation", "subscription"))).append(" M").append(i)
                    .append("($v0: Boolean = false, $v1: String) ").append(random.nextBoolean() ? pick(DIRECTIVES) : "")
                    .append(' ').append(selectionSet(3, fragments)).append(' ');
        }
        for (int i = 0; i < fragments; i++) {
            document.append("fragment X").append(random.nextInt(10) == 0 ? random.nextInt(fragments) : i)
                    .append(" on ").append(pick(TYPES)).append(' ').append(selectionSet(3, fragments)).append(' ');
        }
        return new Shape("mix", document.toString(), operations > 1 ? "M" + random.nextInt(operations) : null);
    }

    private String selectionSet(int depth, int fragments) {
        StringBuilder set = new StringBuilder("{");
        int selections = 1 + random.nextInt(depth > 1 ? 5 : 8);
        for (int i = 0; i < selections; i++) {
            set.append(' ');
            int kind = random.nextInt(10);
            if (kind < 3 && fragments >= 0) {
                set.append("...X").append(random.nextInt(fragments + 2));
                if (random.nextInt(4) == 0) {
                    set.append(' ').append(pick(DIRECTIVES));
                }
            } else if (kind < 4 && depth > 0) {
                set.append("...").append(random.nextBoolean() ? " on " + pick(TYPES) : "")
                        .append(random.nextBoolean() ? " " + pick(DIRECTIVES) : "").append(' ')
                        .append(selectionSet(depth - 1, fragments));
            } else {
                if (random.nextInt(4) == 0) {
                    set.append("k").append(random.nextInt(4)).append(": ");
                }
                set.append(pick(FIELDS));
                if (random.nextInt(4) == 0) {
                    set.append("(x: ").append(value(2)).append(')');
                }
                if (random.nextInt(5) == 0) {
                    set.append(' ').append(pick(DIRECTIVES));
                }
                if (depth > 0 && random.nextBoolean()) {
                    set.append(' ').append(selectionSet(depth - 1, fragments));
                }
            }
        }
        return set.append(" }").toString();
    }

    private String value(int depth) {
        return switch (depth <= 0 ? random.nextInt(6) : random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> "\"" + "s".repeat(random.nextInt(20)) + "\"";
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> "$v" + random.nextInt(3);
            case 4 -> "ENUM_VALUE";
            case 5 -> "1.5e3";
            case 6 -> "[" + value(depth - 1) + ", " + value(depth - 1) + "]";
            default -> "{a: " + value(depth - 1) + ", b: " + value(depth - 1) + "}";
        };
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String cut(String document) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= WIRE_LIMIT ? document : new String(bytes, 0, WIRE_LIMIT, StandardCharsets.US_ASCII);
    }
}
