package dev.authgateway.gateway.domain;

/**
 * Limits on attempts that guess or spam: logins per account and per client address, signups per address.
 * Implementations keep their counts where every gateway replica sees them, and reserve an attempt atomically, so
 * concurrent attempts can never be checked past the limit. Each reservation throws RATE_LIMITED with a
 * retry-after when a limit is reached.
 */
public interface AttemptLimits {

    /**
     * Reserves one attempt for the account (its {@link LoginSubject#limitKey()}) and one for the address, before
     * any password is checked; a reservation that is not given back counts as a failure.
     */
    LoginAttempt reserveLogin(String limitKey, String clientAddress);

    /** The password matched: the account's count is cleared and the address's reservation given back. */
    void loginSucceeded(LoginAttempt attempt);

    /** No password was checked (bad input, a backing service failed): both reservations are given back. */
    void release(LoginAttempt attempt);

    /** Counts the signup attempt and refuses it past the address's limit. */
    void signupAttempted(String clientAddress);

    /**
     * Reserves one attempt at a second-factor code (login, confirming, disabling) for the user and one for the
     * address, before the code is checked; like {@link #reserveLogin}, a reservation not given back is a failure.
     */
    default LoginAttempt reserveSecondFactor(String userId, String clientAddress) {
        return new LoginAttempt(userId, clientAddress, false);
    }

    /** The code was right: the user's count of wrong codes is cleared and the address's reservation given back. */
    default void secondFactorSucceeded(LoginAttempt attempt) {
    }

    /** No code was checked (the challenge was gone, a backing service failed): both reservations are given back. */
    default void releaseSecondFactor(LoginAttempt attempt) {
    }

    /**
     * Reserves one attempt at a passkey login for the address, before the assertion is checked; a reservation not
     * given back ({@link #releasePasskeyLogin}) counts as a failure. Passkey logins are counted per address only: no
     * account is known before the assertion is verified.
     */
    default LoginAttempt reservePasskeyLogin(String clientAddress) {
        return new LoginAttempt("", clientAddress, false);
    }

    /** The assertion was accepted, or none was checked: the address's reservation is given back. */
    default void releasePasskeyLogin(LoginAttempt attempt) {
    }

    AttemptLimits NONE = new AttemptLimits() {
        @Override
        public LoginAttempt reserveLogin(String limitKey, String clientAddress) {
            return new LoginAttempt(limitKey, clientAddress, false);
        }

        @Override
        public void loginSucceeded(LoginAttempt attempt) {
        }

        @Override
        public void release(LoginAttempt attempt) {
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }
    };
}
