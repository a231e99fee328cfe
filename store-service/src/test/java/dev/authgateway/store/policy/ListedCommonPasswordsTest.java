package dev.authgateway.store.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListedCommonPasswordsTest {

    @Test
    void givenTheShippedList_thenItsPasswordsAreKnownIgnoringCaseAndItsCommentsAreNot() {
        ListedCommonPasswords list = ListedCommonPasswords.load();

        assertThat(list.size()).isGreaterThan(3000);
        assertThat(list.contains("1234567890")).isTrue();
        assertThat(list.contains("PASSWORD")).isTrue();
        assertThat(list.contains("#!comment: This list has been compiled by Solar Designer of Openwall Project"))
                .isFalse();
        assertThat(list.contains("correct horse battery staple")).isFalse();
    }
}
