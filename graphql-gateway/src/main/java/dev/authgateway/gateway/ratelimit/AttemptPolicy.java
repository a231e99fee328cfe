package dev.authgateway.gateway.ratelimit;

import java.time.Duration;

import io.helidon.config.Config;

/** How many attempts are allowed per window, from {@code app.attempt-limits}. */
public record AttemptPolicy(int loginFailuresPerAccount, int loginFailuresPerAddress, Duration loginWindow,
                            int signupsPerAddress, Duration signupWindow) {

    public static AttemptPolicy from(Config limits) {
        return new AttemptPolicy(
                limits.get("login-failures-per-account").asInt().orElse(5),
                limits.get("login-failures-per-address").asInt().orElse(50),
                limits.get("login-window").as(Duration.class).orElse(Duration.ofMinutes(15)),
                limits.get("signups-per-address").asInt().orElse(20),
                limits.get("signup-window").as(Duration.class).orElse(Duration.ofHours(1)));
    }
}
