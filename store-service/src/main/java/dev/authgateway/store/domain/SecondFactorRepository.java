package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** TOTP factors, recovery-code hashes and login-challenge hashes. Every method is atomic on its own. */
public interface SecondFactorRepository {

    /** Saves a pending factor, replacing a pending one; false (nothing saved) when the user has a confirmed one. */
    boolean savePending(UUID factorId, UUID userId, SecretBox.Sealed secret, Instant now);

    Optional<Factor> factorOf(UUID userId);

    /**
     * Confirms the pending factor {@code factorId}, accepting {@code step}, and replaces the user's recovery codes
     * with these hashes, in one transaction; false when that factor is no longer pending.
     */
    boolean confirm(UUID factorId, UUID userId, long step, List<byte[]> recoveryCodeHashes, Instant now);

    /** Records {@code step} as the last accepted if it is later than the one recorded; whether it was. */
    boolean acceptStep(UUID factorId, long step);

    /** Seals the secret anew (key rotation) if it is still sealed as {@code expected}. */
    void reseal(UUID factorId, SecretBox.Sealed expected, SecretBox.Sealed replacement);

    /** Marks the user's unused recovery code with this hash used; whether there was one. */
    boolean spendRecoveryCode(UUID userId, byte[] codeHash, Instant now);

    int unusedRecoveryCodes(UUID userId);

    /** Removes the factor, its recovery codes and open challenges, in one transaction; whether there was a factor. */
    boolean remove(UUID userId);

    void insertChallenge(byte[] challengeHash, UUID userId, Instant now, Instant expiresAt);

    /** The user of a challenge that is unexpired and unused (burnt or not). */
    Optional<UUID> challengeUser(byte[] challengeHash, Instant now);

    /** The user of a challenge that is unexpired, unused and has fewer than {@code maxFailures} failures. */
    Optional<UUID> liveChallengeUser(byte[] challengeHash, Instant now, int maxFailures);

    /** Spends a live challenge (as {@link #liveChallengeUser}); whether it was live. */
    boolean spendChallenge(byte[] challengeHash, Instant now, int maxFailures);

    /** Counts a wrong code against the challenge. */
    void failChallenge(byte[] challengeHash);

    record Factor(UUID id, UUID userId, SecretBox.Sealed secret, boolean confirmed, Long lastStep) {
        @Override
        public String toString() {
            return "Factor[" + id + ", confirmed=" + confirmed + "]";
        }
    }
}
