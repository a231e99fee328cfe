package dev.authgateway.store.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final List<List<String>> judgedWith = new ArrayList<>();
    private final PasswordPolicy policy = new PasswordPolicy(10, (password, accountWords) -> {
        judgedWith.add(accountWords);
        return password.equalsIgnoreCase("qwertyuiop") ? Optional.of("is too easy to guess") : Optional.empty();
    });

    @Test
    void givenTheMinimumLength_thenNineRefusedTenAccepted() {
        assertThat(policy.check(signUp("x".repeat(9)))).extracting(FieldViolation::message)
                .containsExactly("must be at least 10 characters long");
        assertThat(policy.check(signUp("x".repeat(10)))).isEmpty();
    }

    @Test
    void givenAWeakPassword_thenRefusedWithTheEstimatorsReason() {
        assertThat(policy.check(signUp("QwertyUIOP"))).extracting(FieldViolation::field, FieldViolation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "is too easy to guess"));
    }

    @Test
    void givenAnyPassword_thenTheAccountsOwnWordsCountAsKnown() {
        policy.check(new SignUp("ada_l", "ada.lovelace@example.com", "a long enough password", "Ada King"));

        assertThat(judgedWith).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("ada_l", "ada.lovelace@example.com", "ada.lovelace", "Ada King", "Ada",
                        "King");
    }

    @Test
    void givenThePasswordIsTheUsernameOrEmail_thenRefused() {
        assertThat(policy.check(new SignUp("ada_lovelace", "ada@example.com", "ADA_LOVELACE", "A"))).hasSize(1);
        assertThat(policy.check(new SignUp("ada_lovelace", "ada@example.com", "ada@example.com", "A"))).hasSize(1);
    }

    @Test
    void givenAMinimumBelowTheFloor_thenRefused() {
        assertThatThrownBy(() -> new PasswordPolicy(6, PasswordStrength.ANY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SignUp signUp(String password) {
        return new SignUp("ada", "ada@example.com", password, "Ada");
    }
}
