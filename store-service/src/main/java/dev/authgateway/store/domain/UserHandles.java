package dev.authgateway.store.domain;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * WebAuthn's user handle of a user: the 16 bytes of the user's random id (no personal data, as the specification
 * asks), so a discoverable credential names its owner without a lookup table.
 */
public final class UserHandles {

    private UserHandles() {
    }

    public static byte[] of(UUID userId) {
        return ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits()).array();
    }

    /** The user a handle names; empty for a handle that is not 16 bytes (not one of ours). */
    public static Optional<UUID> userId(byte[] handle) {
        if (handle == null || handle.length != 16) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(handle);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }
}
