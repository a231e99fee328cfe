package dev.authgateway.systemtest.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run to its end (or killed after a time limit), with its exit code and everything it printed. */
public record CommandRun(int exitCode, String output) {

    public static CommandRun of(List<String> command, Duration limit) throws Exception {
        Path log = Files.createTempFile("authgw-command", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new CommandRun(-1, command.getFirst() + " took longer than " + limit + "\n" + Files.readString(log));
            }
            return new CommandRun(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
