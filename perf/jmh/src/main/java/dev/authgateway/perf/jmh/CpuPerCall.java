package dev.authgateway.perf.jmh;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * The benchmark JVM's CPU time per call over one iteration, printed at its end: what a busy machine distorts less
 * than latency (another process's load shows as waiting, not as this JVM's CPU), though caches and frequency still
 * vary. Everything in the JVM counts: client, services, JIT and GC threads.
 */
final class CpuPerCall {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LongAdder calls = new LongAdder();
    private volatile String measured = "";
    private long cpuAtStart;

    void start() {
        calls.reset();
        cpuAtStart = OS.getProcessCpuTime();
    }

    void count(String benchmark) {
        measured = benchmark;
        calls.increment();
    }

    void print() {
        long count = calls.sum();
        if (count > 0) {
            System.out.printf("  [%s] JVM CPU per call: %.1f µs over %d calls%n",
                    measured, (OS.getProcessCpuTime() - cpuAtStart) / 1000.0 / count, count);
        }
    }
}
