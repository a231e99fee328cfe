package dev.authgateway.store.mybatis;

import java.util.UUID;

import dev.authgateway.store.domain.PasskeyRepository;

/** A passkey ceremony taken from passkey_ceremonies (public for MyBatis's mapper proxies). */
public final class CeremonyRow {

    private UUID userId;
    private String requestJson;

    PasskeyRepository.Ceremony toCeremony() {
        return new PasskeyRepository.Ceremony(userId, requestJson);
    }
}
