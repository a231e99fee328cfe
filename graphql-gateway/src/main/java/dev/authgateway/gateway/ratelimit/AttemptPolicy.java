package dev.authgateway.gateway.ratelimit;

import java.time.Duration;

import dev.authgateway.support.config.Required;
import io.helidon.config.Config;

/**
 * How many attempts are allowed per window, from {@code app.attempt-limits}. Wrong second-factor codes are counted
 * per user ({@code second-factor-failures-per-account}) and per address (the login's allowance), in the login window.
 */
public record AttemptPolicy(int loginFailuresPerAccount, int loginFailuresPerAddress, Duration loginWindow,
                            int signupsPerAddress, Duration signupWindow, int secondFactorFailuresPerAccount) {

    public static AttemptPolicy from(Config limits) {
        return new AttemptPolicy(
                Required.integer(limits.get("login-failures-per-account")),
                Required.integer(limits.get("login-failures-per-address")),
                Required.duration(limits.get("login-window")),
                Required.integer(limits.get("signups-per-address")),
                Required.duration(limits.get("signup-window")),
                Required.integer(limits.get("second-factor-failures-per-account")));
    }
}
