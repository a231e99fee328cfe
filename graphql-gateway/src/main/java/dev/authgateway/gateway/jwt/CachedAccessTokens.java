package dev.authgateway.gateway.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Caller;

/**
 * Remembers tokens that passed verification until they expire, so a client's repeated requests skip the ES256
 * signature check (hundreds of microseconds of CPU each). Only successes are remembered: a bad token is checked, and
 * refused, every time. Bounded in size; the oldest-unused entries go first.
 */
public final class CachedAccessTokens implements AccessTokens {

    private final JwtAccessTokens tokens;
    private final Clock clock;
    private final Cache<String, JwtAccessTokens.VerifiedToken> verified;

    public CachedAccessTokens(JwtAccessTokens tokens, Clock clock, long maximumSize) {
        this.tokens = tokens;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<String, JwtAccessTokens.VerifiedToken>creating((token, claims) ->
                        positive(Duration.between(clock.instant(), claims.expiresAt()))))
                .build();
    }

    @Override
    public IssuedToken issue(String userId, String sessionId) {
        return tokens.issue(userId, sessionId);
    }

    @Override
    public Caller verify(String token) {
        JwtAccessTokens.VerifiedToken known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && known.expiresAt().isAfter(now)) {
            return known.caller();
        }
        JwtAccessTokens.VerifiedToken fresh = tokens.verifyClaims(token);
        if (fresh.expiresAt().isAfter(now)) {
            verified.put(token, fresh);
        }
        return fresh.caller();
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
