package dev.authgateway.systemtest.harness;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one {@link Stack} for the whole test run and stops it when the run ends. */
public final class StackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    /** The run's stack, started on first use. */
    static Stack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(StackExtension.class))
                .getOrComputeIfAbsent("stack", key -> new Running(startStack()), Running.class)
                .stack();
    }

    private static Stack startStack() {
        try {
            return Stack.start();
        } catch (Exception e) {
            throw new IllegalStateException("The stack did not start: " + e.getMessage(), e);
        }
    }

    private record Running(Stack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            stack.close();
        }
    }
}
