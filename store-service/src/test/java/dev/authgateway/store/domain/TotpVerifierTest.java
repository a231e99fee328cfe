package dev.authgateway.store.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.authgateway.store.totp.JavaOtpGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier on a fixed clock with RFC 6238's SHA-1 seed: its 6-digit codes (the last six of appendix B's),
 * one step of skew either way, never a step at or before the last accepted one.
 */
class TotpVerifierTest {

    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** RFC 6238 appendix B: T = 1111111109 s is step 37037036, whose code is 07081804; 1111111111 s is the next. */
    private static final long STEP = 37037036L;

    private static TotpVerifier at(long unixSeconds) {
        return new TotpVerifier(new JavaOtpGenerator(),
                Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC));
    }

    @Test
    void givenTheRfcVectorsOnAFixedClock_thenEachCodeMatchesItsStep() {
        assertThat(at(59).match(SEED, "287082", null)).contains(1L);
        assertThat(at(1111111109).match(SEED, "081804", null)).contains(STEP);
        assertThat(at(1111111111).match(SEED, "050471", null)).contains(STEP + 1);
        assertThat(at(1234567890).match(SEED, "005924", null)).contains(1234567890L / 30);
        assertThat(at(2000000000).match(SEED, "279037", null)).contains(2000000000L / 30);
        assertThat(at(20000000000L).match(SEED, "353130", null)).contains(20000000000L / 30);
    }

    @Test
    void givenOneStepOfSkewEitherWay_thenAccepted_andTwoStepsAreNot() {
        long stepStart = STEP * 30;

        assertThat(at(stepStart + 30).match(SEED, "081804", null)).as("a step late").contains(STEP);
        assertThat(at(stepStart - 30).match(SEED, "081804", null)).as("a step early").contains(STEP);
        assertThat(at(stepStart + 60).match(SEED, "081804", null)).as("two steps late").isEmpty();
        assertThat(at(stepStart - 60).match(SEED, "081804", null)).as("two steps early").isEmpty();
    }

    @Test
    void givenTheStepWasAccepted_thenItsCodeAndEarlierOnesAreRefused() {
        TotpVerifier verifier = at(1111111111);

        assertThat(verifier.match(SEED, "050471", STEP + 1)).as("the same step again").isEmpty();
        assertThat(verifier.match(SEED, "081804", STEP)).as("the step accepted").isEmpty();
        assertThat(verifier.match(SEED, "081804", STEP + 1)).as("an earlier step").isEmpty();
        assertThat(verifier.match(SEED, "050471", STEP)).as("a later step").contains(STEP + 1);
    }

    @Test
    void givenWrongOrMalformedCodes_thenNoMatch() {
        TotpVerifier verifier = at(1111111109);

        assertThat(verifier.match(SEED, "081805", null)).isEmpty();
        assertThat(verifier.match(SEED, "81804", null)).isEmpty();
        assertThat(verifier.match(SEED, "07081804", null)).isEmpty();
        assertThat(verifier.match(SEED, "", null)).isEmpty();
        assertThat(verifier.match(SEED, null, null)).isEmpty();
        assertThat(verifier.match("another secret!!".getBytes(StandardCharsets.US_ASCII), "081804", null)).isEmpty();
    }
}
