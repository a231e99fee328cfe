package dev.authgateway.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JwtAccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String USER = "6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60";
    private static final String SESSION = "0b6f3d7e-1c2a-4e5f-8a9b-123456789abc";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKey key = SigningKey.generate();
    private final JwtAccessTokens tokens = tokens("authgateway", "authgateway-api", key, NOW);

    @Test
    void givenAnIssuedToken_thenItVerifiesToItsUserAndCarriesTheStandardClaims() {
        var issued = tokens.issue(USER, SESSION);

        assertThat(tokens.verify(issued.token()).userId()).isEqualTo(USER);
        assertThat(tokens.verify(issued.token()).sessionId()).isEqualTo(SESSION);
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        Jwt jwt = SignedJwt.parseToken(issued.token()).getJwt();
        assertThat(jwt.headers().keyId()).contains(key.keyId());
        assertThat(jwt.headers().algorithm()).contains("ES256");
        assertThat(jwt.issuer()).contains("authgateway");
        assertThat(jwt.audience()).contains(List.of("authgateway-api"));
        assertThat(jwt.issueTime()).contains(NOW);
        assertThat(jwt.expirationTime()).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(jwt.jwtId()).isPresent();
    }

    @Test
    void givenAnExpiredToken_thenRefused_butWithinTheClockSkewAccepted() {
        String issuedEarlier = tokens("authgateway", "authgateway-api", key, NOW.minus(Duration.ofMinutes(16)))
                .issue(USER, SESSION).token();
        String justExpired = tokens("authgateway", "authgateway-api", key, NOW.minus(Duration.ofSeconds(910)))
                .issue(USER, SESSION).token();

        assertRefused(issuedEarlier);
        assertThat(tokens.verify(justExpired).userId()).as("expired 10 s ago, skew 30 s").isEqualTo(USER);
    }

    @Test
    void givenATamperedPayloadOrSignature_thenRefused() {
        String[] parts = tokens.issue(USER, SESSION).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(USER, "00000000-0000-0000-0000-000000000000");
        char last = parts[2].charAt(10);

        assertRefused(parts[0] + "." + encode(payload) + "." + parts[2]);
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11));
    }

    @Test
    void givenATokenSignedByAnotherKey_thenRefused_evenUnderOurKeyId() {
        SigningKey stranger = SigningKey.generate();
        SigningKey strangerWithOurKid = new SigningKey(key.keyId(), stranger.privateKey(), stranger.publicKey());

        assertRefused(tokens("authgateway", "authgateway-api", stranger, NOW).issue(USER, SESSION).token());
        assertRefused(tokens("authgateway", "authgateway-api", strangerWithOurKid, NOW).issue(USER, SESSION).token());
    }

    @Test
    void givenAnotherIssuerOrAudience_thenRefused() {
        assertRefused(tokens("someone-else", "authgateway-api", key, NOW).issue(USER, SESSION).token());
        assertRefused(tokens("authgateway", "another-api", key, NOW).issue(USER, SESSION).token());
    }

    @Test
    void givenAlgNone_thenRefused() {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + key.keyId() + "\"}";
        assertRefused(encode(header) + "." + encode(claims(NOW.plusSeconds(600))) + ".");
    }

    @Test
    void givenHs256KeyedWithOurPublicKey_thenRefused() throws Exception {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.keyId() + "\"}") + "."
                + encode(claims(NOW.plusSeconds(600)));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key.publicKey().getEncoded(), "HmacSHA256"));
        String signature = BASE64URL.encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertRefused(signingInput + "." + signature);
    }

    @Test
    void givenATokenWithoutASession_thenRefused() {
        Jwt jwt = Jwt.builder().keyId(key.keyId()).algorithm("ES256").issuer("authgateway")
                .addAudience("authgateway-api").subject(USER).issueTime(NOW).expirationTime(NOW.plusSeconds(600)).build();

        assertRefused(SignedJwt.sign(jwt, key.signingJwk()).tokenContent());
    }

    @Test
    void givenATokenWithoutExpiry_thenRefused() {
        Jwt jwt = Jwt.builder().keyId(key.keyId()).algorithm("ES256").issuer("authgateway")
                .addAudience("authgateway-api").subject(USER).issueTime(NOW).build();

        assertRefused(SignedJwt.sign(jwt, key.signingJwk()).tokenContent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b.c", "%%%.%%%.%%%", "eyJhbGciOiJFUzI1NiJ9..", "...."})
    void givenGarbage_thenRefused(String token) {
        assertRefused(token);
    }

    private void assertRefused(String token) {
        GatewayException error = catchThrowableOfType(GatewayException.class, () -> tokens.verify(token));
        assertThat(error).as("token should be refused: " + token).isNotNull();
        assertThat(error.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    private static String claims(Instant expiry) {
        return "{\"iss\":\"authgateway\",\"aud\":\"authgateway-api\",\"sub\":\"" + USER + "\",\"iat\":"
                + NOW.getEpochSecond() + ",\"exp\":" + expiry.getEpochSecond() + "}";
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JwtAccessTokens tokens(String issuer, String audience, SigningKey key, Instant now) {
        return new JwtAccessTokens(new JwtSettings(issuer, audience, Duration.ofMinutes(15), Duration.ofSeconds(30),
                key, List.of(key)), Clock.fixed(now, ZoneOffset.UTC));
    }
}
