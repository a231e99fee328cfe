package dev.authgateway.support.http;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;

import com.sun.management.UnixOperatingSystemMXBean;

/**
 * Whether the listeners' connection bounds fit the process's open-file limit, with {@link #RESERVED} descriptors left
 * for everything else the process opens (its jars, logs, gRPC, Redis and database connections). Checked at start-up:
 * a bound above the limit is no bound, since the process runs out of descriptors first.
 */
record FileDescriptorBudget(OptionalLong limit) {

    static final long RESERVED = 1024;

    static FileDescriptorBudget ofThisProcess() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? new FileDescriptorBudget(OptionalLong.of(unix.getMaxFileDescriptorCount()))
                : new FileDescriptorBudget(OptionalLong.empty());
    }

    /** Fails start-up when {@code connections} plus the reserve exceed the limit (no limit known: nothing to check). */
    void check(long connections) {
        if (limit.isPresent() && connections + RESERVED > limit.getAsLong()) {
            throw new IllegalStateException("the listeners may hold " + connections + " connections, but this process "
                    + "may open only " + limit.getAsLong() + " files and needs " + RESERVED + " for everything else: "
                    + "raise the open-file limit (ulimit -n, LimitNOFILE) or lower max-tcp-connections");
        }
    }
}
