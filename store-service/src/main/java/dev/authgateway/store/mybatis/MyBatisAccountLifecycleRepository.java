package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.authgateway.store.domain.AccountLifecycleRepository;
import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.ExportedAccount;
import dev.authgateway.store.domain.InvalidCredentialsException;
import dev.authgateway.store.domain.MailLimit;
import dev.authgateway.store.domain.NewToken;
import dev.authgateway.store.domain.TokenPurpose;
import dev.authgateway.store.domain.User;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Deletion, email change and export in PostgreSQL; each method is one transaction. */
public final class MyBatisAccountLifecycleRepository implements AccountLifecycleRepository {

    private final SqlSessionFactory sessions;

    MyBatisAccountLifecycleRepository(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<UUID> deleteUser(UUID userId, String expectedHash, String canonicalEmail, ComposedMail notice,
                                 Instant now) {
        return inTransaction(session -> {
            AccountLifecycleMapper mapper = session.getMapper(AccountLifecycleMapper.class);
            if (mapper.lockIfHash(userId, expectedHash) == null) {
                throw new InvalidCredentialsException(); // the password was changed meanwhile (or the user is gone)
            }
            List<UUID> open = mapper.openSessionIds(userId);
            mapper.deleteRefreshTokens(userId);
            mapper.deleteSessions(userId);
            mapper.deleteAccountTokens(userId);
            mapper.deleteRecoveryCodes(userId);
            mapper.deleteChallenges(userId);
            mapper.deleteFactors(userId);
            mapper.deletePasskeys(userId);
            mapper.deletePasskeyCeremonies(userId);
            mapper.deleteMail(userId, canonicalEmail);
            mapper.deleteCollisions(userId);
            mapper.deleteUser(userId);
            MyBatisAccountMailRepository.insertMail(session.getMapper(AccountMailMapper.class), notice,
                    canonicalEmail, null, now);
            return open;
        });
    }

    @Override
    public void requestEmailChange(NewToken token, ComposedMail confirmation, String newEmailKey, ComposedMail notice,
                                   MailLimit limit, Instant now) {
        inTransaction(session -> {
            AccountMailMapper mapper = session.getMapper(AccountMailMapper.class);
            Instant since = now.minus(limit.window());
            mapper.lock("mail-to:" + newEmailKey);
            MyBatisAccountMailRepository.checkLimit(mapper.sentToRecipientSince(newEmailKey, since),
                    limit.perRecipient(), limit.window(), now);
            mapper.lock("mail-for:" + token.userId());
            MyBatisAccountMailRepository.checkLimit(mapper.sentToUserSince(token.userId(), since),
                    limit.perAccount(), limit.window(), now);
            mapper.spendOpenTokens(token.userId(), TokenPurpose.EMAIL_CHANGE.name(), now);
            MyBatisAccountMailRepository.insertToken(mapper, token, now);
            MyBatisAccountMailRepository.insertMail(mapper, confirmation, newEmailKey, token.userId(), now);
            MyBatisAccountMailRepository.insertMail(mapper, notice, null, token.userId(), now);
            return null;
        });
    }

    @Override
    public Optional<User> confirmEmailChange(byte[] tokenHash, String canonicalEmail, Instant now) {
        return Optional.ofNullable(inTransaction(session -> {
            AccountMailMapper mail = session.getMapper(AccountMailMapper.class);
            TokenRow spent = mail.spendToken(tokenHash, TokenPurpose.EMAIL_CHANGE.name(), now);
            if (spent == null) {
                return null;
            }
            var holder = spent.toHolder();
            UserRow replaced = session.getMapper(AccountLifecycleMapper.class)
                    .replaceEmail(holder.userId(), holder.email(), canonicalEmail, now);
            if (replaced == null) {
                return null;
            }
            for (TokenPurpose purpose : TokenPurpose.values()) {
                mail.spendOpenTokens(holder.userId(), purpose.name(), now);
            }
            return replaced.toUser();
        }));
    }

    @Override
    public Optional<ExportedAccount> export(UUID userId) {
        return Optional.ofNullable(inTransaction(session -> session.getMapper(AccountLifecycleMapper.class)
                .export(userId))).map(ExportRow::toExport);
    }

    private <T> T inTransaction(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            T result = work.apply(session);
            session.commit(true);
            return result;
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }
}
