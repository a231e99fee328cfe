package dev.authgateway.store.hashing;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/** Argon2id cost, from {@code app.password-hash} (application.yaml holds OWASP's minimum). */
public record HashParameters(int memoryKib, int iterations, int parallelism) {

    public HashParameters {
        if (memoryKib < 1024 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters too weak: m=" + memoryKib
                    + " KiB, t=" + iterations + ", p=" + parallelism);
        }
    }

    public static HashParameters from(Config passwordHash) {
        return new HashParameters(
                Required.integer(passwordHash.get("memory-kib")),
                Required.integer(passwordHash.get("iterations")),
                Required.integer(passwordHash.get("parallelism")));
    }
}
