package dev.authgateway.store.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * TOTP second factors: enrolment (a secret, pending until a first valid code confirms it, then ten recovery codes),
 * login challenges (256 random bits, stored hashed, single use, short-lived, burnt by too many wrong codes), and
 * disabling. A code is a TOTP code or, in its place, an unused recovery code, which it then uses up.
 */
public final class SecondFactors {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int SECRET_BYTES = 20; // 160 bits, RFC 4226's recommendation for HMAC-SHA1

    private final SecondFactorRepository repository;
    private final UserRepository users;
    private final SecretBox box;
    private final TotpVerifier verifier;
    private final Settings settings;
    private final Clock clock;

    public SecondFactors(SecondFactorRepository repository, UserRepository users, SecretBox box,
                         TotpVerifier verifier, Settings settings, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.box = box;
        this.verifier = verifier;
        this.settings = settings;
        this.clock = clock;
    }

    /** The issuer authenticator apps show, how long a challenge lives, how many wrong codes burn it. */
    public record Settings(String issuer, Duration challengeLifetime, int challengeMaxFailures) {
    }

    public boolean enabled(UUID userId) {
        return repository.factorOf(userId).map(SecondFactorRepository.Factor::confirmed).orElse(false);
    }

    /** A new pending secret as an otpauth URI labelled with the username. */
    public String startEnrolment(UUID userId) {
        User user = users.findById(userId).orElseThrow(UserNotFoundException::new);
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        SecretBox.Sealed sealed = box.seal(secret, userId.toString());
        if (!repository.savePending(UUID.randomUUID(), userId, sealed, clock.instant())) {
            throw new SecondFactorStateException("a second factor is already enabled; disable it first");
        }
        return OtpauthUri.of(settings.issuer(), user.username(), secret);
    }

    /** The first valid TOTP code confirms the pending factor; the recovery codes, in clear this once. */
    public List<String> confirmEnrolment(UUID userId, String code) {
        var factor = repository.factorOf(userId).filter(found -> !found.confirmed())
                .orElseThrow(() -> new SecondFactorStateException("no enrolment is pending; enrol first"));
        long step = verifier.match(secret(factor), RecoveryCodes.normalise(code), null)
                .orElseThrow(InvalidCodeException::new);
        List<String> codes = RecoveryCodes.generate();
        List<byte[]> hashes = codes.stream().map(RecoveryCodes::normalise).map(RecoveryCodes::hash).toList();
        if (!repository.confirm(factor.id(), userId, step, hashes, clock.instant())) {
            throw new SecondFactorStateException("no enrolment is pending; enrol first");
        }
        return codes;
    }

    /** Removes the confirmed factor given a current code or a recovery code; whether a recovery code was used. */
    public boolean disable(UUID userId, String code) {
        var factor = repository.factorOf(userId).filter(SecondFactorRepository.Factor::confirmed)
                .orElseThrow(() -> new SecondFactorStateException("no second factor is enabled"));
        boolean recovery = check(factor, code);
        repository.remove(userId);
        return recovery;
    }

    /**
     * Re-authentication before a grave change (deleting the account): when the user has a confirmed factor, a current
     * code or an unused recovery code (then used up) is required, else InvalidCodeException. Nothing without one.
     */
    public void checkCodeIfEnabled(UUID userId, String code) {
        var factor = repository.factorOf(userId).filter(SecondFactorRepository.Factor::confirmed);
        if (factor.isPresent()) {
            check(factor.get(), code == null ? "" : code);
        }
    }

    /** After the password matched: a challenge when the user has a confirmed factor. */
    public Optional<Challenge> startChallenge(UUID userId) {
        if (!enabled(userId)) {
            return Optional.empty();
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String challenge = BASE64URL.encodeToString(random);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.challengeLifetime());
        repository.insertChallenge(hash(challenge), userId, now, expiresAt);
        return Optional.of(new Challenge(challenge, expiresAt));
    }

    /** Whose challenge it is, so attempts can be counted on that user before any code is checked. */
    public UUID resolveChallenge(String challenge) {
        return repository.challengeUser(hash(challenge), clock.instant()).orElseThrow(ChallengeNotValidException::new);
    }

    /** A right code spends the challenge; a wrong one counts against it. */
    public Verified verifyChallenge(String challenge, String code) {
        byte[] challengeHash = hash(challenge);
        UUID userId = repository.liveChallengeUser(challengeHash, clock.instant(), settings.challengeMaxFailures())
                .orElseThrow(ChallengeNotValidException::new);
        var factor = repository.factorOf(userId).filter(SecondFactorRepository.Factor::confirmed)
                .orElseThrow(ChallengeNotValidException::new);
        boolean recovery;
        try {
            recovery = check(factor, code);
        } catch (InvalidCodeException wrong) {
            repository.failChallenge(challengeHash);
            throw wrong;
        }
        if (!repository.spendChallenge(challengeHash, clock.instant(), settings.challengeMaxFailures())) {
            throw new ChallengeNotValidException();
        }
        return new Verified(userId, recovery, recovery ? repository.unusedRecoveryCodes(userId) : 0);
    }

    /** Whether the code is right, TOTP or recovery code, using it up either way; true for a recovery code. */
    private boolean check(SecondFactorRepository.Factor factor, String code) {
        String normalised = RecoveryCodes.normalise(code);
        if (TotpVerifier.isTotpCode(normalised)) {
            long step = verifier.match(secret(factor), normalised, factor.lastStep())
                    .orElseThrow(InvalidCodeException::new);
            if (!repository.acceptStep(factor.id(), step)) {
                throw new InvalidCodeException(); // a concurrent request accepted this step or a later one first
            }
            return false;
        }
        if (normalised.isEmpty() || normalised.length() > 64
                || !repository.spendRecoveryCode(factor.userId(), RecoveryCodes.hash(normalised), clock.instant())) {
            throw new InvalidCodeException();
        }
        return true;
    }

    private byte[] secret(SecondFactorRepository.Factor factor) {
        String context = factor.userId().toString();
        byte[] secret = box.open(factor.secret(), context);
        if (!factor.secret().keyId().equals(box.activeKeyId())) {
            repository.reseal(factor.id(), factor.secret(), box.seal(secret, context));
        }
        return secret;
    }

    private static byte[] hash(String challenge) {
        return RecoveryCodes.sha256(challenge == null ? "" : challenge);
    }

    /** A login challenge as the client gets it; only its hash is kept. */
    public record Challenge(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Challenge[expiresAt=" + expiresAt + "]";
        }
    }

    public record Verified(UUID userId, boolean recoveryCodeUsed, int recoveryCodesLeft) {
    }
}
