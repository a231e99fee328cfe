package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.authgateway.store.domain.SecondFactorRepository;
import dev.authgateway.store.domain.SecretBox;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Second factors in PostgreSQL. Each operation is one statement in its own transaction, but for confirming (the
 * factor and its recovery codes) and removing (the factor, its codes and challenges), which are one transaction each.
 */
public final class MyBatisSecondFactorRepository implements SecondFactorRepository {

    private final SqlSessionFactory sessions;

    MyBatisSecondFactorRepository(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean savePending(UUID factorId, UUID userId, SecretBox.Sealed secret, Instant now) {
        return inSession(mapper -> mapper.savePending(factorId, userId, secret.keyId(), secret.ciphertext(), now)) > 0;
    }

    @Override
    public Optional<Factor> factorOf(UUID userId) {
        return Optional.ofNullable(inSession(mapper -> mapper.factorOf(userId))).map(FactorRow::toFactor);
    }

    @Override
    public boolean confirm(UUID factorId, UUID userId, long step, List<byte[]> recoveryCodeHashes, Instant now) {
        return inTransaction(mapper -> {
            if (mapper.confirm(factorId, step, now) == 0) {
                return false;
            }
            mapper.deleteRecoveryCodes(userId);
            recoveryCodeHashes.forEach(hash -> mapper.insertRecoveryCode(userId, hash, now));
            return true;
        });
    }

    @Override
    public boolean acceptStep(UUID factorId, long step) {
        return inSession(mapper -> mapper.acceptStep(factorId, step)) > 0;
    }

    @Override
    public void reseal(UUID factorId, SecretBox.Sealed expected, SecretBox.Sealed replacement) {
        inSession(mapper -> mapper.reseal(factorId, expected.keyId(), expected.ciphertext(), replacement.keyId(),
                replacement.ciphertext()));
    }

    @Override
    public boolean spendRecoveryCode(UUID userId, byte[] codeHash, Instant now) {
        return inSession(mapper -> mapper.spendRecoveryCode(userId, codeHash, now)) > 0;
    }

    @Override
    public int unusedRecoveryCodes(UUID userId) {
        return inSession(mapper -> mapper.unusedRecoveryCodes(userId));
    }

    @Override
    public boolean remove(UUID userId) {
        return inTransaction(mapper -> {
            mapper.deleteRecoveryCodes(userId);
            mapper.deleteChallenges(userId);
            return mapper.deleteFactor(userId) > 0;
        });
    }

    @Override
    public void insertChallenge(byte[] challengeHash, UUID userId, Instant now, Instant expiresAt) {
        inSession(mapper -> {
            mapper.insertChallenge(challengeHash, userId, now, expiresAt);
            return null;
        });
    }

    @Override
    public Optional<UUID> challengeUser(byte[] challengeHash, Instant now) {
        return Optional.ofNullable(inSession(mapper -> mapper.challengeUser(challengeHash, now)));
    }

    @Override
    public Optional<UUID> liveChallengeUser(byte[] challengeHash, Instant now, int maxFailures) {
        return Optional.ofNullable(inSession(mapper -> mapper.liveChallengeUser(challengeHash, now, maxFailures)));
    }

    @Override
    public boolean spendChallenge(byte[] challengeHash, Instant now, int maxFailures) {
        return inSession(mapper -> mapper.spendChallenge(challengeHash, now, maxFailures)) > 0;
    }

    @Override
    public void failChallenge(byte[] challengeHash) {
        inSession(mapper -> mapper.failChallenge(challengeHash));
    }

    private <T> T inSession(Function<SecondFactorMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(SecondFactorMapper.class));
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }

    private <T> T inTransaction(Function<SecondFactorMapper, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session.getMapper(SecondFactorMapper.class));
            session.commit(true);
            return result;
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }
}
