package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What is kept about an account, as its owner may take it away: no secret, hash or token. */
public record ExportedAccount(User user, Instant updatedAt, Optional<Instant> emailVerifiedAt,
                              Optional<Instant> secondFactorEnabledAt, List<SessionDetails> sessions) {
}
