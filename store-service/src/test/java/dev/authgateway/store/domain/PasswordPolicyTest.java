package dev.authgateway.store.domain;


import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(10, password -> password.equalsIgnoreCase("qwertyuiop"));

    @Test
    void givenTheMinimumLength_thenNineRefusedTenAccepted() {
        assertThat(policy.check(signUp("x".repeat(9)))).extracting(FieldViolation::message)
                .containsExactly("must be at least 10 characters long");
        assertThat(policy.check(signUp("x".repeat(10)))).isEmpty();
    }

    @Test
    void givenACommonPasswordInAnyCase_thenRefused() {
        assertThat(policy.check(signUp("QwertyUIOP"))).extracting(FieldViolation::message)
                .containsExactly("is too common; choose another");
    }

    @Test
    void givenThePasswordIsTheUsernameOrEmail_thenRefused() {
        assertThat(policy.check(new SignUp("ada_lovelace", "ada@example.com", "ADA_LOVELACE", "A"))).hasSize(1);
        assertThat(policy.check(new SignUp("ada_lovelace", "ada@example.com", "ada@example.com", "A"))).hasSize(1);
    }

    @Test
    void givenAMinimumBelowTheFloor_thenRefused() {
        assertThatThrownBy(() -> new PasswordPolicy(6, CommonPasswords.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SignUp signUp(String password) {
        return new SignUp("ada", "ada@example.com", password, "Ada");
    }
}
