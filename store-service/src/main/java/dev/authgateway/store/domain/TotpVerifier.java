package dev.authgateway.store.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Which time step a TOTP code belongs to (RFC 6238, the parameters authenticator apps assume: SHA-1, 6 digits,
 * 30 s): the current step or one either side, for clocks that drift, and never a step at or before the last one
 * accepted, so a code works once (RFC 6238 section 5.2).
 */
public final class TotpVerifier {

    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final String ALGORITHM = "SHA1";
    static final int SKEW_STEPS = 1;

    private final TotpGenerator generator;
    private final Clock clock;

    public TotpVerifier(TotpGenerator generator, Clock clock) {
        this.generator = generator;
        this.clock = clock;
    }

    /** The step the code matches, later than {@code lastAcceptedStep} (null: none yet); empty if it matches none. */
    public Optional<Long> match(byte[] secret, String code, Long lastAcceptedStep) {
        if (code == null || code.length() != DIGITS) {
            return Optional.empty();
        }
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
        Long matched = null;
        for (long step = now - SKEW_STEPS; step <= now + SKEW_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(
                    generator.code(secret, step).getBytes(StandardCharsets.US_ASCII), typed);
            // every candidate is computed, matched or not, so the time taken says nothing of which one matched
            if (equal && matched == null && (lastAcceptedStep == null || step > lastAcceptedStep)) {
                matched = step;
            }
        }
        return Optional.ofNullable(matched);
    }

    /** Whether the text looks like a TOTP code (digits only, the right length) rather than a recovery code. */
    static boolean isTotpCode(String normalised) {
        return normalised.length() == DIGITS && normalised.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
