package dev.authgateway.gateway.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.authgateway.gateway.domain.ErrorCode;
import dev.authgateway.gateway.domain.GatewayException;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JwtAccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String USER = "6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60";
    private static final String SESSION = "0b6f3d7e-1c2a-4e5f-8a9b-123456789abc";
    private static final String OTHER_USER = "00000000-0000-0000-0000-000000000000";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final long SEED = Long.getLong("jwt.mutation.seed", System.nanoTime());
    private static final int CASES = Integer.getInteger("jwt.mutation.cases", 3000);

    private final SigningKey key = SigningKey.generate();
    private final JwtAccessTokens tokens = tokens("authgateway", "authgateway-api", key, NOW);
    private final TokenMutations mutations = new TokenMutations(key, NOW, Duration.ofMinutes(15), SEED);

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

    @Test
    @Timeout(120)
    void givenGeneratedMutationsOfAValidToken_thenEveryOneIsUnauthenticated() {
        assertThat(tokens.verify(mutations.valid()).userId()).as("the token before any mutation").isEqualTo(USER);
        for (int i = 0; i < CASES; i++) {
            TokenMutations.Mutation mutation = mutations.next();
            String replay = "-Djwt.mutation.seed=" + SEED + ", case " + i + ": " + mutation.description();
            Throwable thrown = catchThrowable(() -> tokens.verify(mutation.token()));
            assertThat(thrown).as(replay).isInstanceOf(GatewayException.class);
            assertThat(((GatewayException) thrown).code()).as(replay).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "exp|\"abc\"", "exp|1.5", "exp|1e400", "exp|99999999999999999999999", "exp|{}", "exp|[1]", "exp|null",
            "iat|\"abc\"", "iat|-1", "nbf|\"abc\"", "nbf|[1]", "iss|5", "iss|[\"authgateway\"]", "aud|5",
            "aud|[5]", "aud|{\"a\":1}", "sub|{}", "sub|[\"x\"]", "sid|5", "sid|null", "sid|{\"id\":\"x\"}"})
    void givenASignedTokenWithAClaimOfTheWrongType_thenUnauthenticated(String claim, String value) {
        Map<String, String> claims = mutations.claims();
        claims.put(claim, value);

        assertRefused(mutations.sign(TokenMutations.json(mutations.header()), TokenMutations.json(claims)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"exp\"]", "[\"b64\"]", "[]"})
    void givenACritHeader_thenUnauthenticated_thoughTheSameTokenWithoutItIsAccepted(String critical) {
        Map<String, String> header = mutations.header();
        header.put("crit", critical);
        String claims = TokenMutations.json(mutations.claims());

        assertRefused(mutations.sign(TokenMutations.json(header), claims));
        assertThat(tokens.verify(mutations.sign(TokenMutations.json(mutations.header()), claims)).userId())
                .isEqualTo(USER);
    }

    @Test
    void givenDuplicateMembers_thenUnauthenticated() {
        String header = TokenMutations.json(mutations.header());
        String claims = TokenMutations.json(mutations.claims());

        assertRefused(mutations.sign(header.replace("{", "{\"kid\":\"someone-else\","), claims));
        assertRefused(mutations.sign(header, claims.replace("}", ",\"sub\":\"" + OTHER_USER + "\"}")));
    }

    @Test
    void givenTheSameSignatureSpeltNonCanonically_thenUnauthenticated() {
        String token = tokens.issue(USER, SESSION).token();
        while (!token.substring(token.lastIndexOf('.')).matches(".*[-_].*")) {
            token = tokens.issue(USER, SESSION).token();
        }
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String input = token.substring(0, token.lastIndexOf('.') + 1);

        assertThat(signature).hasSize(86);
        assertRefused(input + signature + "==");
        assertRefused(input + TokenMutations.withTrailingBits(signature));
        assertRefused(input + signature.replace('-', '+').replace('_', '/'));
    }

    @Test
    void givenALifetimeBeyondTheTtlPlusSkew_thenUnauthenticated_butTtlPlusSkewIsAccepted() {
        long iat = NOW.getEpochSecond();
        Map<String, String> claims = mutations.claims();

        claims.put("exp", String.valueOf(iat + 15 * 60 + 30 + 1));
        assertRefused(signed(claims));
        claims.put("exp", String.valueOf(iat + 15 * 60 + 30));
        assertThat(tokens.verify(signed(claims)).userId()).isEqualTo(USER);
        claims.put("exp", String.valueOf(iat + 10L * 365 * 24 * 3600));
        assertRefused(signed(claims));
    }

    @Test
    void givenNoIat_thenUnauthenticated() {
        Map<String, String> claims = mutations.claims();
        claims.remove("iat");

        assertRefused(signed(claims));
    }

    @Test
    void givenAnIatInTheFutureBeyondTheSkew_thenUnauthenticated_butWithinTheSkewAccepted() {
        Map<String, String> claims = mutations.claims();
        claims.put("iat", String.valueOf(NOW.getEpochSecond() + 31));
        assertRefused(signed(claims));

        claims.put("iat", String.valueOf(NOW.getEpochSecond() + 30));
        assertThat(tokens.verify(signed(claims)).userId()).isEqualTo(USER);
    }

    @Test
    void givenATokenLongerThanTheLimit_thenUnauthenticated_thoughValidUnderAHigherLimit() {
        Map<String, String> claims = mutations.claims();
        claims.put("note", "\"" + "x".repeat(3500) + "\"");
        String token = signed(claims);

        assertThat(token.length()).isBetween(4097, 8192);
        assertRefused(token);
        assertThat(tokens("authgateway", "authgateway-api", key, NOW, 8192).verify(token).userId()).isEqualTo(USER);
    }

    private String signed(Map<String, String> claims) {
        return mutations.sign(TokenMutations.json(mutations.header()), TokenMutations.json(claims));
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
        return tokens(issuer, audience, key, now, 4096);
    }

    private static JwtAccessTokens tokens(String issuer, String audience, SigningKey key, Instant now,
                                          int maxTokenLength) {
        return new JwtAccessTokens(new JwtSettings(issuer, audience, Duration.ofMinutes(15), Duration.ofSeconds(30),
                maxTokenLength, key, List.of(key)), Clock.fixed(now, ZoneOffset.UTC));
    }
}
