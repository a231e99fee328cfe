package dev.authgateway.store.totp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B, the SHA-1 rows: the 8-digit codes exactly, and their last 6 digits as apps show them. */
class JavaOtpGeneratorTest {

    static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T={0}s -> {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void givenTheRfcSeedAndTime_thenTheRfcCode(long unixSeconds, String expected) {
        long step = unixSeconds / 30;

        assertThat(new JavaOtpGenerator(8).code(RFC_SEED, step)).isEqualTo(expected);
        assertThat(new JavaOtpGenerator().code(RFC_SEED, step)).isEqualTo(expected.substring(2));
    }
}
