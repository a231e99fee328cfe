package dev.authgateway.support.server;

import java.util.function.Function;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** What every service's {@code main} does: logging, configuration (system properties, environment, yaml), start. */
public final class ServiceMain {

    private ServiceMain() {
    }

    /** Starts the service and keeps it until the JVM is told to stop (SIGTERM, Ctrl-C), then closes it. */
    public static void run(Function<Config, RunningService> start) {
        LogConfig.configureRuntime();
        start.apply(Config.create()).closeOnShutdown();
    }
}
