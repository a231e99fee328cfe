package dev.authgateway.systemtest.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts one {@link Stack} for the whole test run and stops it when the run ends. A test that fails on a request
 * timeout prints what the gateway was doing (its threads and the tail of its log), whether it answers a request on a
 * new connection from a new client, and this JVM's own HTTP client threads, so a stall seen once in CI can be read
 * afterwards instead of guessed at: a gateway that answers the new client points at the test's client, not at it.
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
                    + stack.gatewayLogTail() + "\n=== a request from a new client on a new connection: "
                    + newClientAnswer(stack) + "\n=== this test JVM's HTTP client threads:\n" + httpClientThreads());
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

    private static String newClientAnswer(Stack stack) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/graphql"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    private static String httpClientThreads() {
        StringBuilder threads = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("HttpClient")) {
                threads.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    threads.append("    at ").append(frame).append('\n');
                }
            }
        });
        return threads.toString();
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
