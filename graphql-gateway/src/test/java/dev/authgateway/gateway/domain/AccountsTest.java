package dev.authgateway.gateway.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccountsTest {

    private final FakeDirectory directory = new FakeDirectory();
    private final Accounts accounts = new Accounts(directory, new FakeTokens());

    @Test
    void givenASignup_thenTheTokenIsForTheNewUser() {
        AuthResult result = accounts.signUp(new NewAccount("ada", "ada@example.com", "correct horse", "Ada"), RequestOrigin.UNKNOWN);

        assertThat(result.accessToken()).isEqualTo("token-for-" + FakeDirectory.ADA.id());
        assertThat(result.tokenType()).isEqualTo("Bearer");
        assertThat(result.expiresIn()).isEqualTo(900);
        assertThat(result.toString()).doesNotContain(result.accessToken());
    }

    @Test
    void givenAnUpdate_thenTheStoreIsWrittenBeforeTheCacheIsInvalidated() {
        accounts.updateProfile(FakeDirectory.ADA.id(), "Ada Lovelace", RequestOrigin.UNKNOWN);

        assertThat(directory.calls).containsExactly("update:Ada Lovelace", "invalidate");
    }

    @Test
    void givenInvalidationFailingTwice_thenTheThirdAttemptAnswers() {
        directory.invalidationFailures = 2;

        User updated = accounts.updateProfile(FakeDirectory.ADA.id(), "Ada Lovelace", RequestOrigin.UNKNOWN);

        assertThat(updated.displayName()).isEqualTo("Ada Lovelace");
        assertThat(directory.calls).containsExactly("update:Ada Lovelace", "invalidate", "invalidate", "invalidate");
    }

    @Test
    void givenInvalidationAlwaysFailing_thenUnavailableRatherThanAStaleSuccess() {
        directory.invalidationFailures = Integer.MAX_VALUE;

        GatewayException error = catchThrowableOfType(GatewayException.class,
                () -> accounts.updateProfile(FakeDirectory.ADA.id(), "Ada Lovelace", RequestOrigin.UNKNOWN));

        assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(directory.calls).hasSize(1 + Accounts.INVALIDATION_ATTEMPTS);
    }

    private static final class FakeDirectory implements UserDirectory {
        static final User ADA = new User("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60", "ada", "ada@example.com", "Ada",
                Instant.parse("2026-01-01T00:00:00Z"));
        final List<String> calls = new ArrayList<>();
        int invalidationFailures;

        @Override
        public User create(NewAccount account) {
            return ADA;
        }

        @Override
        public User verifyCredentials(String login, String password) {
            return ADA;
        }

        @Override
        public User get(String userId) {
            return ADA;
        }

        @Override
        public User updateDisplayName(String userId, String displayName) {
            calls.add("update:" + displayName);
            return new User(ADA.id(), ADA.username(), ADA.email(), displayName, ADA.createdAt());
        }

        @Override
        public void invalidateCached(String userId) {
            calls.add("invalidate");
            if (invalidationFailures-- > 0) {
                throw new GatewayException(ErrorCode.UNAVAILABLE, "cache down");
            }
        }
    }

    private static final class FakeTokens implements AccessTokens {
        @Override
        public IssuedToken issue(String userId) {
            return new IssuedToken("token-for-" + userId, Duration.ofMinutes(15));
        }

        @Override
        public String verify(String token) {
            return token.substring("token-for-".length());
        }
    }
}
