package dev.authgateway.gateway.domain;

import java.time.Instant;

/**
 * One of the caller's open sessions as the API shows it: the device (User-Agent) and address it was started or last
 * refreshed from, as the store kept them (cleaned, truncated), and whether it is the caller's own.
 */
public record SessionInfo(String id, String device, String clientAddress, Instant createdAt, Instant lastUsedAt,
                          Instant expiresAt, boolean current) {

    SessionInfo asSeenBy(Caller caller) {
        return new SessionInfo(id, device, clientAddress, createdAt, lastUsedAt, expiresAt,
                id.equals(caller.sessionId()));
    }
}
