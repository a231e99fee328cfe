package dev.authgateway.perf.jmh;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * A new request id for a request that sent none: the gateway's former UUID.randomUUID() beside 128 bits of
 * ThreadLocalRandom in hex (the expression of graphql-gateway's RequestIds.next, which is package-private), alone and
 * with 8 threads drawing at once as a busy replica's requests do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GatewayRequestIdBenchmark {

    private static final HexFormat HEX = HexFormat.of();

    @Benchmark
    public String randomUuid() {
        return UUID.randomUUID().toString();
    }

    @Benchmark
    public String randomHex() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HEX.toHexDigits(random.nextLong()).concat(HEX.toHexDigits(random.nextLong()));
    }

    @Benchmark
    @Threads(8)
    public String randomUuidEightThreads() {
        return randomUuid();
    }

    @Benchmark
    @Threads(8)
    public String randomHexEightThreads() {
        return randomHex();
    }
}
