package dev.authgateway.gateway.domain;

/**
 * Limits on attempts that guess or spam: failed logins per account and per client address, signups per address.
 * Implementations keep their counts where every gateway replica sees them. Each check throws RATE_LIMITED with a
 * retry-after when a limit is reached.
 */
public interface AttemptLimits {

    void checkLogin(String login, String clientAddress);

    void loginFailed(String login, String clientAddress);

    /** A successful login clears the account's failures (not the address's). */
    void loginSucceeded(String login);

    /** Counts the signup attempt and refuses it past the address's limit. */
    void signupAttempted(String clientAddress);

    AttemptLimits NONE = new AttemptLimits() {
        @Override
        public void checkLogin(String login, String clientAddress) {
        }

        @Override
        public void loginFailed(String login, String clientAddress) {
        }

        @Override
        public void loginSucceeded(String login) {
        }

        @Override
        public void signupAttempted(String clientAddress) {
        }
    };
}
