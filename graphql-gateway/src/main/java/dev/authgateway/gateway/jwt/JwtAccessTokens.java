package dev.authgateway.gateway.jwt;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.authgateway.gateway.domain.AccessTokens;
import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.JwtValidator;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkEC;
import io.helidon.security.jwt.jwk.JwkKeys;

/**
 * ES256 access tokens through Helidon Security JWT. A token is accepted only with {@code alg} ES256, a {@code kid}
 * of ours, a valid signature, a mandatory unexpired {@code exp}, our {@code iss} and {@code aud}, a {@code sub} and a
 * {@code sid} (the login session).
 */
public final class JwtAccessTokens implements AccessTokens {

    /** The login session a token belongs to, so ending the session can revoke it. */
    static final String SESSION_CLAIM = "sid";

    private static final GatewayException INVALID =
            new GatewayException(ErrorCode.UNAUTHENTICATED, "invalid or expired token");

    private final JwtSettings settings;
    private final Clock clock;
    private final JwkEC signingJwk;
    private final Map<String, JwkKeys> verificationKeysById;

    public JwtAccessTokens(JwtSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.signingJwk = settings.activeKey().signingJwk();
        this.verificationKeysById = settings.verificationKeys().stream().collect(Collectors.toUnmodifiableMap(
                SigningKey::keyId, key -> JwkKeys.builder().addKey(key.verificationJwk()).build(),
                (first, second) -> first));
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
        SignedJwt signed = parse(token);
        Jwt jwt = signed.getJwt();
        if (!SigningKey.ALGORITHM.equals(jwt.headers().algorithm().orElse(null))) {
            throw INVALID;
        }
        JwkKeys key = jwt.headers().keyId().map(verificationKeysById::get).orElseThrow(() -> INVALID);
        if (!signed.verifySignature(key).isValid() || !claimValidator().validate(jwt).isValid()) {
            throw INVALID;
        }
        String subject = jwt.subject().filter(value -> !value.isBlank()).orElseThrow(() -> INVALID);
        String session = jwt.payloadClaim(SESSION_CLAIM)
                .filter(claim -> claim instanceof jakarta.json.JsonString)
                .map(claim -> ((jakarta.json.JsonString) claim).getString())
                .filter(value -> !value.isBlank()).orElseThrow(() -> INVALID);
        return new VerifiedToken(new Caller(subject, session), jwt.expirationTime().orElseThrow(() -> INVALID));
    }

    record VerifiedToken(Caller caller, Instant expiresAt) {
    }

    private JwtValidator claimValidator() {
        Instant now = clock.instant();
        return JwtValidator.builder()
                .addExpirationValidator(expiry -> expiry.now(now).allowedTimeSkew(settings.clockSkew()).mandatory(true))
                .addNotBeforeValidator(notBefore -> notBefore.now(now).allowedTimeSkew(settings.clockSkew()))
                .addIssuerValidator(settings.issuer(), true)
                .addAudienceValidator(audience -> audience.addExpectedAudience(settings.audience()).mandatory(true))
                .build();
    }

    private static SignedJwt parse(String token) {
        try {
            return SignedJwt.parseToken(token);
        } catch (RuntimeException malformed) {
            throw INVALID;
        }
    }

}
