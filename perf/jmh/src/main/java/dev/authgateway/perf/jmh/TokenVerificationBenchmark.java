package dev.authgateway.perf.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.authgateway.gateway.domain.Caller;
import dev.authgateway.gateway.jwt.CachedAccessTokens;
import dev.authgateway.gateway.jwt.JwtAccessTokens;
import dev.authgateway.gateway.jwt.JwtSettings;
import dev.authgateway.gateway.jwt.SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Stage 1 of the hot path: checking the bearer token. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

    private JwtAccessTokens es256;
    private CachedAccessTokens es256Cached;
    private String token;
    private Signature rsaVerifier;
    private byte[] rsaSigned;
    private byte[] rsaSignature;

    @Setup
    public void setUp() throws Exception {
        SigningKey key = SigningKey.generate();
        JwtSettings settings = new JwtSettings("authgateway", "authgateway-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30), 4096, key, List.of(key));
        es256 = new JwtAccessTokens(settings, Clock.systemUTC());
        es256Cached = new CachedAccessTokens(es256, Clock.systemUTC(), 100_000);
        token = es256.issue(UUID.randomUUID().toString(), UUID.randomUUID().toString()).token();
        es256Cached.verify(token);

        // The same work with RS256 (RSA-2048), for comparison: verification is cheap, signing is not.
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        rsaSigned = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(rsaSigned);
        rsaSignature = signer.sign();
        rsaVerifier = Signature.getInstance("SHA256withRSA");
        rsaVerifier.initVerify(pair.getPublic());
    }

    @Benchmark
    public Caller es256Verify() {
        return es256.verify(token);
    }

    @Benchmark
    public Caller es256VerifyWithVerifiedTokenCache() {
        return es256Cached.verify(token);
    }

    @Benchmark
    public String es256Issue() {
        return es256.issue("6f1c2a9e-55a2-4d8c-9d4e-1b2c3d4e5f60", "0b6f3d7e-1c2a-4e5f-8a9b-123456789abc").token();
    }

    @Benchmark
    public boolean rs256SignatureOnlyForComparison() throws Exception {
        rsaVerifier.update(rsaSigned);
        return rsaVerifier.verify(rsaSignature);
    }
}
