package dev.authgateway.store.domain;

import java.time.Instant;
import java.util.UUID;

/** A token to store with the message that carries it: only its hash is kept. */
public record NewToken(byte[] hash, UUID userId, TokenPurpose purpose, String email, Instant expiresAt) {

    @Override
    public String toString() {
        return "NewToken[" + purpose + ", user=" + userId + "]";
    }
}
