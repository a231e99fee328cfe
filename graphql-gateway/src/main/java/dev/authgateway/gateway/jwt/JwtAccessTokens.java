package dev.authgateway.gateway.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkEC;

/**
 * ES256 access tokens, signed and their signatures verified through Helidon Security JWT. A token is read strictly,
 * in this order, and any doubt is UNAUTHENTICATED: its length ({@code app.jwt.max-token-length}) before any decoding;
 * three canonical base64url parts ({@link CompactJws}); a header of {@code alg} ES256, a {@code kid} of ours and no
 * {@code crit} ({@link JwsHeader}); the signature; and only then the claims ({@link AccessClaims}): our {@code iss}
 * and {@code aud}, a {@code sub}, a {@code sid} (the login session), {@code iat} and an unexpired {@code exp} no
 * further apart than {@code app.jwt.ttl}.
 *
 * <p>Helidon's own {@code SignedJwt.parseToken} and {@code Jwt} are not used to read tokens: they accept padding and
 * duplicate names, and read some thirty claims eagerly, so a claim of the wrong type fails with an unchecked
 * exception of its own, before the signature is checked.
 */
public final class JwtAccessTokens implements AccessTokens {

    /** The login session a token belongs to, so ending the session can revoke it. */
    static final String SESSION_CLAIM = "sid";

    private static final Logger LOG = Logger.getLogger(JwtAccessTokens.class.getName());
    private static final GatewayException INVALID =
            new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");
    private static final int ES256_SIGNATURE_BYTES = 64;

    private final JwtSettings settings;
    private final Clock clock;
    private final JwkEC signingJwk;
    private final Map<String, JwkEC> verificationKeysById;

    public JwtAccessTokens(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.signingJwk = settings.activeKey().signingJwk();
        this.verificationKeysById = settings.verificationKeys().stream().collect(Collectors.toUnmodifiableMap(
                SigningKey::keyId, SigningKey::verificationJwk, (first, second) -> first));
    }

    @Override
    public IssuedToken issue(String userId, String sessionId) {
        Instant now = clock.instant();
        Jwt jwt = Jwt.builder()
                .type("JWT")
                .keyId(settings.activeKey().keyId())
                .algorithm(SigningKey.ALGORITHM)
                .issuer(settings.issuer())
                .addAudience(settings.audience())
                .subject(userId)
                .issueTime(now)
                .expirationTime(now.plus(settings.ttl()))
                .jwtId(UUID.randomUUID().toString())
                .addPayloadClaim(SESSION_CLAIM, sessionId)
                .build();
        return new IssuedToken(SignedJwt.sign(jwt, signingJwk).tokenContent(), settings.ttl());
    }

    @Override
    public Caller verify(String token) {
        return verifyClaims(token).caller();
    }

    /** The token's user and expiry, after every check of {@link #verify}. */
    VerifiedToken verifyClaims(String token) {
        try {
            return read(token);
        } catch (TokenRefused refused) {
            LOG.log(Level.FINE, () -> "Token refused: " + refused.getMessage());
            throw INVALID;
        }
    }

    private VerifiedToken read(String token) {
        CompactJws jws = CompactJws.split(token, settings.maxTokenLength());
        JwkEC key = verificationKeysById.get(JwsHeader.parse(jws.header()).keyId());
        if (key == null) {
            throw new TokenRefused("kid is not one of our keys");
        }
        if (jws.signature().length != ES256_SIGNATURE_BYTES || !verifies(key, jws)) {
            throw new TokenRefused("signature does not verify");
        }
        AccessClaims claims = AccessClaims.parse(jws.payload());
        claims.check(settings, clock.instant());
        return new VerifiedToken(new Caller(claims.subject(), claims.session()), claims.expiry());
    }

    record VerifiedToken(Caller caller, Instant expiresAt) {
    }

    private static boolean verifies(JwkEC key, CompactJws jws) {
        try {
            return key.verifySignature(jws.signingInput(), jws.signature());
        } catch (RuntimeException malformedSignature) {
            return false;
        }
    }
}
