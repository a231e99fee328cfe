package dev.authgateway.support.server;

import java.util.function.Function;

import dev.authgateway.support.observe.RateLimitedLog;
import dev.authgateway.support.observe.Telemetry;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.opentelemetry.sdk.OpenTelemetrySdk;

/** What every service's {@code main} does: logging, tracing, configuration (system properties, environment, yaml), start. */
public final class ServiceMain {

    private ServiceMain() {
    }

    /**
     * Starts the service and keeps it until the JVM is told to stop (SIGTERM, Ctrl-C), then closes it and flushes
     * the spans not yet exported.
     */
    public static void run(String serviceName, Function<Config, RunningService> start) {
        LogConfig.configureRuntime();
        RateLimitedLog.limitLibraryLogger("io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler");
        RateLimitedLog.limitLibraryLogger("io.grpc.netty.shaded.io.grpc.netty.NettyClientHandler");
        OpenTelemetrySdk telemetry = Telemetry.start(serviceName);
        RunningService service = start.apply(Config.create());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            service.close();
            telemetry.close();
        }));
    }
}
