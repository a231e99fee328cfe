package dev.authgateway.gateway.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CachedAccessTokensTest {

    private static final String USER = "6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final SigningKey key = SigningKey.generate();
    private final JwtAccessTokens jwt = new JwtAccessTokens(new JwtSettings("authgateway", "authgateway-api",
            Duration.ofMinutes(15), Duration.ofSeconds(30), 4096, key, List.of(key)), clock);
    private final CachedAccessTokens cached = new CachedAccessTokens(jwt, clock, 100);

    @Test
    void givenAVerifiedToken_thenItIsAcceptedAgainUntilItExpiresAndNotAfter() {
        String token = cached.issue(USER, "session-1").token();
        assertThat(cached.verify(token).userId()).isEqualTo(USER);

        clock.advance(Duration.ofMinutes(14));
        assertThat(cached.verify(token).userId()).isEqualTo(USER);

        clock.advance(Duration.ofMinutes(2));
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> cached.verify(token));
        assertThat(error.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void givenABadToken_thenItIsRefusedEveryTime() {
        String token = cached.issue(USER, "session-1").token();
        String forged = token.substring(0, token.length() - 4) + "AAAA";

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(GatewayException.class, () -> cached.verify(forged))).isNotNull();
        }
        assertThat(cached.verify(token).userId()).isEqualTo(USER);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
