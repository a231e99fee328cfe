package dev.authgateway.gateway.domain;

import java.util.List;
import java.util.Optional;

/**
 * Users' second factors, wherever they are kept (TOTP secrets, recovery codes, login challenges). Failures are
 * {@link GatewayException}s: a wrong or reused code INVALID_CREDENTIALS; a challenge unknown, expired, spent or burnt
 * UNAUTHENTICATED; a factor not in the state asked for (already enabled, nothing pending, none) CONFLICT.
 */
public interface SecondFactorDirectory {

    /** Whether login asks this user for a second factor. */
    boolean enabled(String userId);

    /** A new pending secret, as an otpauth URI labelled with the username. */
    String startEnrolment(String userId);

    /** Confirms the pending factor with a first code; the recovery codes, in clear this once. */
    List<String> confirmEnrolment(String userId, String code);

    /** Removes the factor, given a current code or a recovery code; whether a recovery code was used. */
    boolean disable(String userId, String code);

    /** After the password matched: a challenge if the user has a confirmed factor. */
    Optional<SecondFactorChallenge> startChallenge(String userId);

    /** The user a live challenge belongs to, without spending it. */
    String resolveChallenge(String challenge);

    /** Spends the challenge with a right code. */
    VerifiedCode verifyChallenge(String challenge, String code);

    record VerifiedCode(String userId, boolean recoveryCodeUsed, int recoveryCodesLeft) {
    }

    /** No user has a second factor; anything else asked of it is UNAVAILABLE. */
    SecondFactorDirectory NONE = new SecondFactorDirectory() {
        @Override
        public boolean enabled(String userId) {
            return false;
        }

        @Override
        public String startEnrolment(String userId) {
            throw unavailable();
        }

        @Override
        public List<String> confirmEnrolment(String userId, String code) {
            throw unavailable();
        }

        @Override
        public boolean disable(String userId, String code) {
            throw unavailable();
        }

        @Override
        public Optional<SecondFactorChallenge> startChallenge(String userId) {
            return Optional.empty();
        }

        @Override
        public String resolveChallenge(String challenge) {
            throw unavailable();
        }

        @Override
        public VerifiedCode verifyChallenge(String challenge, String code) {
            throw unavailable();
        }

        private GatewayException unavailable() {
            return new GatewayException(ErrorCode.UNAVAILABLE, "second factors are not available");
        }
    };
}
