package dev.authgateway.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What is kept about an account, for its owner to take away: never a secret, a hash or a token. */
public record AccountExport(User user, Instant updatedAt, Optional<Instant> emailVerifiedAt,
                            Optional<Instant> secondFactorEnabledAt, List<SessionInfo> sessions, Instant exportedAt) {
}
