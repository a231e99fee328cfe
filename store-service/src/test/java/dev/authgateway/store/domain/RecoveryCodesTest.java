package dev.authgateway.store.domain;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodesTest {

    @Test
    void givenGeneratedCodes_thenTenDistinctGroupsOfFourWithoutLookAlikes() {
        List<String> codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}"));
    }

    @Test
    void givenACodeTypedWithSpacesDashesOrCapitals_thenItNormalisesToTheSameHash() {
        String code = "7k3m-q9vx-2hfp-wt6c";

        assertThat(RecoveryCodes.normalise(" 7K3M Q9VX-2hfp wt6c\n")).isEqualTo("7k3mq9vx2hfpwt6c");
        assertThat(RecoveryCodes.hash(RecoveryCodes.normalise(code)))
                .isEqualTo(RecoveryCodes.hash(RecoveryCodes.normalise("7K3MQ9VX2HFPWT6C")));
        assertThat(new HashSet<>(List.of(RecoveryCodes.normalise(null)))).containsExactly("");
    }
}
