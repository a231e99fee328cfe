package dev.authgateway.gateway.domain;

/**
 * Ended sessions, shared by every gateway replica, so access tokens of an ended session stop working before they
 * expire. Implementations state how soon a revocation is seen.
 */
public interface SessionRevocations {

    void revoke(String sessionId);

    boolean isRevoked(String sessionId);

    SessionRevocations NONE = new SessionRevocations() {
        @Override
        public void revoke(String sessionId) {
        }

        @Override
        public boolean isRevoked(String sessionId) {
            return false;
        }
    };
}
