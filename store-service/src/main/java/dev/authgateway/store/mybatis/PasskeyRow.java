package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.authgateway.store.domain.PasskeyRepository;

/** A row of passkeys as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class PasskeyRow {

    private UUID id;
    private UUID userId;
    private byte[] credentialId;
    private byte[] userHandle;
    private byte[] publicKeyCose;
    private long signatureCount;
    private String transports;
    private String name;
    private Instant createdAt;
    private Instant lastUsedAt;

    PasskeyRepository.StoredPasskey toPasskey() {
        List<String> transportList = transports == null || transports.isEmpty() ? List.of()
                : Arrays.asList(transports.split(","));
        return new PasskeyRepository.StoredPasskey(id, userId, credentialId, userHandle, publicKeyCose,
                signatureCount, List.copyOf(transportList), name, createdAt, lastUsedAt);
    }
}
