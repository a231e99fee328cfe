package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.authgateway.store.domain.DuplicatePasskeyException;
import dev.authgateway.store.domain.DuplicateUserException;
import dev.authgateway.store.domain.PasskeyRepository;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Passkeys and their ceremonies in PostgreSQL; each operation is one statement in its own transaction. */
public final class MyBatisPasskeyRepository implements PasskeyRepository {

    private final SqlSessionFactory sessions;

    MyBatisPasskeyRepository(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void insert(StoredPasskey passkey) {
        try {
            inSession(mapper -> {
                mapper.insert(passkey.id(), passkey.userId(), passkey.credentialId(), passkey.userHandle(),
                        passkey.publicKeyCose(), passkey.signatureCount(), String.join(",", passkey.transports()),
                        passkey.name(), passkey.createdAt());
                return null;
            });
        } catch (DuplicateUserException duplicate) {
            throw new DuplicatePasskeyException(); // the only unique key a new row can hit is the credential id
        }
    }

    @Override
    public List<StoredPasskey> ofUser(UUID userId) {
        return inSession(mapper -> mapper.ofUser(userId)).stream().map(PasskeyRow::toPasskey).toList();
    }

    @Override
    public Optional<StoredPasskey> byCredentialId(byte[] credentialId) {
        return Optional.ofNullable(inSession(mapper -> mapper.byCredentialId(credentialId))).map(PasskeyRow::toPasskey);
    }

    @Override
    public boolean recordUse(byte[] credentialId, long signatureCount, Instant now) {
        return inSession(mapper -> mapper.recordUse(credentialId, signatureCount, now)) > 0;
    }

    @Override
    public boolean remove(UUID userId, UUID passkeyId) {
        return inSession(mapper -> mapper.remove(userId, passkeyId)) > 0;
    }

    @Override
    public void saveCeremony(byte[] keyHash, CeremonyKind kind, UUID userId, String requestJson, Instant now,
                             Instant expiresAt) {
        inSession(mapper -> {
            mapper.insertCeremony(keyHash, kind.name(), userId, requestJson, now, expiresAt);
            return null;
        });
    }

    @Override
    public Optional<Ceremony> takeCeremony(byte[] keyHash, CeremonyKind kind, UUID userId, Instant now) {
        return Optional.ofNullable(inSession(mapper -> userId == null
                        ? mapper.take(keyHash, kind.name(), now)
                        : mapper.takeOfUser(keyHash, kind.name(), userId, now)))
                .map(CeremonyRow::toCeremony);
    }

    @Override
    public int deleteExpiredCeremonies(Instant now) {
        return inSession(mapper -> mapper.deleteExpired(now));
    }

    private <T> T inSession(Function<PasskeyMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(PasskeyMapper.class));
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }
}
