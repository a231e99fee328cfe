package dev.authgateway.perf.jmh;

import java.util.concurrent.TimeUnit;

import dev.authgateway.store.hashing.Argon2PasswordHasher;
import dev.authgateway.store.hashing.HashParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What bounds login and signup throughput: one Argon2id verification (login) or hash (signup) at the configured
 * parameters (19 MiB, t=2, p=1). Logins per second per core = 1000 / the verify score in ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmark {

    private Argon2PasswordHasher hasher;
    private String hash;

    @Setup
    public void setUp() {
        hasher = new Argon2PasswordHasher(new HashParameters(19456, 2, 1));
        hash = hasher.hash("correct horse battery staple");
    }

    @Benchmark
    public boolean verifyForLogin() {
        return hasher.matches("correct horse battery staple", hash);
    }

    @Benchmark
    public String hashForSignup() {
        return hasher.hash("correct horse battery staple");
    }
}
