package dev.authgateway.systemtest.harness;

import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts one {@link Stack} for the whole test run and stops it when the run ends. A test that fails on a request
 * timeout prints what the gateway was doing (its threads and the tail of its log), so a stall seen once in CI can be
 * read afterwards instead of guessed at.
 */
public final class StackExtension implements ParameterResolver, TestExecutionExceptionHandler {

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

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (causedByTimeout(failure)) {
            Stack stack = stack(context);
            System.err.println("=== " + context.getDisplayName() + " timed out; the gateway's threads:\n"
                    + threadsOf(stack.gatewayPid()) + "\n=== the gateway's log, last lines:\n"
                    + stack.gatewayLogTail());
        }
        throw failure;
    }

    private static boolean causedByTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Virtual threads too (Thread.print shows platform threads only, and every request runs on a virtual one). */
    private static String threadsOf(long pid) {
        try {
            java.nio.file.Path dump = java.nio.file.Files.createTempDirectory("gateway-threads").resolve("dump.txt");
            Jcmd.run(pid, "Thread.dump_to_file -format=text " + dump);
            return java.nio.file.Files.readString(dump);
        } catch (Exception e) {
            return "(no thread dump: " + e + ")";
        }
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
