package dev.authgateway.gateway.graphql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How big a parsed document is, with fragments expanded at every spread: its deepest field nesting, its aliases, its
 * fields (the cost: every field resolved costs one), its selections of any kind (the work validation does), and
 * whether it asks for introspection. Operations and fragment definitions are each measured, and summed.
 *
 * <p>Runs before validation on any document the parser accepts, so it must stay linear in the document whatever its
 * shape: each fragment is walked once and its measure reused at every spread (a fragment spreading the next one
 * twice, 98 levels deep, expands to 2^98 fields but is walked in 98 steps); counts saturate at {@code ceiling}
 * instead of overflowing; fragment cycles and unknown fragments add nothing (validation refuses them afterwards);
 * and the walk keeps its own stack, so nesting as deep as the parser allows cannot overflow the thread's.
 *
 * <p>Fields under {@code __schema} and {@code __type}, and in fragments on introspection types, add to neither depth
 * nor cost: an IDE's introspection query nests 15 levels. They still count as selections, so introspection cannot
 * carry an expensive document past the limits.
 *
 * @param visits the steps the analysis took; at most a few per token of the document
 */
record DocumentShape(int depth, int aliases, int cost, int selections, boolean introspection, int visits) {

    static DocumentShape of(Document document, int ceiling) {
        return new Analysis(document, ceiling).shape();
    }

    /** What a selection set adds up to with its fragments expanded; depth and cost only where they are counted. */
    private record Measure(int depth, int cost, int aliases, int selections, boolean introspection) {
        static final Measure NONE = new Measure(0, 0, 0, 0, false);
    }

    /** A fragment spread met at a field depth, counted or under introspection. */
    private record Spread(String fragment, int level, boolean counted) {
    }

    /** A selection set's own fields, and the spreads whose fragments' measures complete it. */
    private record Body(Measure own, List<Spread> spreads) {
    }

    private record Pending(SelectionSet set, int level, boolean counted) {
    }

    private static final class Analysis {
        private final Document document;
        private final int ceiling;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Body> bodies = new HashMap<>();
        private final Map<String, Measure> measured = new HashMap<>();
        private int visits;

        Analysis(Document document, int ceiling) {
            this.document = document;
            this.ceiling = ceiling;
            for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }

        DocumentShape shape() {
            Measure total = Measure.NONE;
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                total = beside(total, measure(body(operation.getSelectionSet(), true)));
            }
            for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                // a second definition of a name is measured on its own: validation refuses it, but reads it first
                total = beside(total, fragments.get(fragment.getName()) == fragment
                        ? fragment(fragment.getName()) : measure(body(fragment)));
            }
            return new DocumentShape(total.depth(), total.aliases(), total.cost(), total.selections(),
                    total.introspection(), visits);
        }

        private Body body(FragmentDefinition fragment) {
            return body(fragment.getSelectionSet(), !fragment.getTypeCondition().getName().startsWith("__"));
        }

        /** One pass over a selection set and everything nested in it, stopping at fragment spreads. */
        private Body body(SelectionSet root, boolean counted) {
            int depth = 0;
            int cost = 0;
            int aliases = 0;
            int selections = 0;
            boolean introspection = false;
            List<Spread> spreads = new ArrayList<>();
            Deque<Pending> pending = new ArrayDeque<>();
            pending.push(new Pending(root, 0, counted));
            while (!pending.isEmpty()) {
                Pending next = pending.pop();
                if (next.set() == null) {
                    continue;
                }
                for (Selection<?> selection : next.set().getSelections()) {
                    visits++;
                    selections = add(selections, 1);
                    switch (selection) {
                        case Field field -> {
                            boolean introspectionRoot = field.getName().equals("__schema")
                                    || field.getName().equals("__type");
                            introspection |= introspectionRoot;
                            if (next.counted()) {
                                depth = Math.max(depth, add(next.level(), 1));
                                cost = add(cost, 1);
                            }
                            if (field.getAlias() != null) {
                                aliases = add(aliases, 1);
                            }
                            pending.push(new Pending(field.getSelectionSet(), add(next.level(), 1),
                                    next.counted() && !introspectionRoot));
                        }
                        case InlineFragment inline ->
                                pending.push(new Pending(inline.getSelectionSet(), next.level(), next.counted()));
                        case FragmentSpread spread ->
                                spreads.add(new Spread(spread.getName(), next.level(), next.counted()));
                        default -> {
                        }
                    }
                }
            }
            return new Body(new Measure(depth, cost, aliases, selections, introspection), spreads);
        }

        /**
         * A fragment's measure, computed once: the fragments it spreads are measured first, depth-first on a stack
         * of our own. A spread of a fragment still being measured (a cycle) or of no fragment adds nothing.
         */
        private Measure fragment(String name) {
            if (measured.containsKey(name) || !fragments.containsKey(name)) {
                return measured.getOrDefault(name, Measure.NONE);
            }
            Set<String> open = new HashSet<>();
            Deque<String> stack = new ArrayDeque<>();
            Map<String, Integer> nextSpread = new HashMap<>();
            open.add(name);
            stack.push(name);
            while (!stack.isEmpty()) {
                String current = stack.peek();
                Body body = bodies.computeIfAbsent(current, key -> body(fragments.get(key)));
                int index = nextSpread.getOrDefault(current, 0);
                if (index < body.spreads().size()) {
                    nextSpread.put(current, index + 1);
                    String spread = body.spreads().get(index).fragment();
                    visits++;
                    if (fragments.containsKey(spread) && !measured.containsKey(spread) && open.add(spread)) {
                        stack.push(spread);
                    }
                } else {
                    measured.put(current, complete(body));
                    open.remove(current);
                    stack.pop();
                }
            }
            return measured.get(name);
        }

        /** A body outside any fragment, with the fragments it spreads measured first. */
        private Measure measure(Body body) {
            body.spreads().forEach(spread -> fragment(spread.fragment()));
            return complete(body);
        }

        /** A body with the measures of the fragments it spreads added in: a fragment not measured adds nothing. */
        private Measure complete(Body body) {
            Measure total = body.own();
            for (Spread spread : body.spreads()) {
                visits++;
                Measure fragment = measured.getOrDefault(spread.fragment(), Measure.NONE);
                total = new Measure(
                        spread.counted() && fragment.depth() > 0
                                ? Math.max(total.depth(), add(spread.level(), fragment.depth())) : total.depth(),
                        spread.counted() ? add(total.cost(), fragment.cost()) : total.cost(),
                        add(total.aliases(), fragment.aliases()),
                        add(total.selections(), fragment.selections()),
                        total.introspection() || fragment.introspection());
            }
            return total;
        }

        private Measure beside(Measure a, Measure b) {
            return new Measure(Math.max(a.depth(), b.depth()), add(a.cost(), b.cost()), add(a.aliases(), b.aliases()),
                    add(a.selections(), b.selections()), a.introspection() || b.introspection());
        }

        private int add(int a, int b) {
            return (int) Math.min((long) a + b, ceiling);
        }
    }
}
