package dev.authgateway.gateway.graphql;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How big a parsed document is, with fragments expanded: its deepest field nesting, its aliases, its fields (the
 * cost: every field resolved costs one), and whether it asks for introspection. Runs before validation, so it
 * tolerates unknown fragments and fragment cycles (validation refuses those afterwards).
 *
 * <p>Fields under {@code __schema} and {@code __type} add to neither depth nor cost: an IDE's introspection query
 * nests 15 levels, and when introspection is on at all it is bounded by graphql-java's good-faith introspection
 * checks (each of those fields once per document, no deep {@code ofType} chains).
 */
record DocumentShape(int depth, int aliases, int cost, boolean introspection) {

    static DocumentShape of(Document document) {
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
        Walk walk = new Walk(fragments);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            walk.selections(operation.getSelectionSet(), 0, new HashSet<>(), true);
        }
        for (FragmentDefinition fragment : fragments.values()) {
            boolean onIntrospectionType = fragment.getTypeCondition().getName().startsWith("__");
            walk.selections(fragment.getSelectionSet(), 0, new HashSet<>(Set.of(fragment.getName())),
                    !onIntrospectionType);
        }
        return new DocumentShape(walk.depth, walk.aliases, walk.cost, walk.introspection);
    }

    private static final class Walk {
        private final Map<String, FragmentDefinition> fragments;
        private int depth;
        private int aliases;
        private int cost;
        private boolean introspection;

        Walk(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        void selections(SelectionSet set, int level, Set<String> fragmentPath, boolean counted) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                switch (selection) {
                    case Field field -> {
                        boolean introspectionRoot = field.getName().equals("__schema") || field.getName().equals("__type");
                        introspection |= introspectionRoot;
                        if (counted) {
                            depth = Math.max(depth, level + 1);
                            cost++;
                        }
                        if (field.getAlias() != null) {
                            aliases++;
                        }
                        selections(field.getSelectionSet(), level + 1, fragmentPath, counted && !introspectionRoot);
                    }
                    case InlineFragment inline -> selections(inline.getSelectionSet(), level, fragmentPath, counted);
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        if (fragment != null && fragmentPath.add(spread.getName())) {
                            selections(fragment.getSelectionSet(), level, fragmentPath, counted);
                            fragmentPath.remove(spread.getName());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }
}
