package dev.authgateway.store.hashing;

import io.helidon.config.Config;

/** Argon2id cost. The defaults are OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
public record HashParameters(int memoryKib, int iterations, int parallelism) {

    public HashParameters {
        if (memoryKib < 1024 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters too weak: m=" + memoryKib
                    + " KiB, t=" + iterations + ", p=" + parallelism);
        }
    }

    public static HashParameters from(Config passwordHash) {
        return new HashParameters(
                passwordHash.get("memory-kib").asInt().orElse(19456),
                passwordHash.get("iterations").asInt().orElse(2),
                passwordHash.get("parallelism").asInt().orElse(1));
    }
}
