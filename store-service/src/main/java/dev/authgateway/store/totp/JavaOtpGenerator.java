package dev.authgateway.store.totp;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.authgateway.store.domain.TotpGenerator;
import dev.authgateway.store.domain.TotpVerifier;

/** RFC 6238 codes by java-otp (com.eatthepath:java-otp), HMAC-SHA1 and 30 s steps. */
public final class JavaOtpGenerator implements TotpGenerator {

    private final TimeBasedOneTimePasswordGenerator totp;

    /** The parameters authenticator apps assume: {@link TotpVerifier#DIGITS} digits. */
    public JavaOtpGenerator() {
        this(TotpVerifier.DIGITS);
    }

    /** With another number of digits (RFC 6238's test vectors have 8). */
    public JavaOtpGenerator(int digits) {
        this.totp = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(TotpVerifier.PERIOD_SECONDS), digits,
                TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    @Override
    public String code(byte[] secret, long timeStep) {
        try {
            return totp.generateOneTimePasswordString(new SecretKeySpec(secret, totp.getAlgorithm()),
                    Instant.ofEpochSecond(timeStep * TotpVerifier.PERIOD_SECONDS), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC key of any length is valid", e);
        }
    }
}
