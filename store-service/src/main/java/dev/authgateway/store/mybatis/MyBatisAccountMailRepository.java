package dev.authgateway.store.mybatis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.authgateway.store.domain.AccountMailRepository;
import dev.authgateway.store.domain.ComposedMail;
import dev.authgateway.store.domain.InvalidCredentialsException;
import dev.authgateway.store.domain.MailLimit;
import dev.authgateway.store.domain.MailRateLimitedException;
import dev.authgateway.store.domain.NewToken;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.TokenPurpose;
import dev.authgateway.store.domain.User;
import dev.authgateway.store.domain.UserRepository;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Mailed tokens and the outbox's writes in PostgreSQL; each method is one transaction. */
public final class MyBatisAccountMailRepository implements AccountMailRepository {

    private final SqlSessionFactory sessions;

    MyBatisAccountMailRepository(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public User insertUser(UUID id, SignUp signUp, String passwordHash, NewToken token, ComposedMail mail) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        inTransaction(session -> {
            session.getMapper(UserMapper.class).insert(id, signUp.username(), signUp.email(),
                    signUp.canonicalUsername(), signUp.canonicalEmail(), passwordHash, signUp.displayName(), now);
            AccountMailMapper mapper = session.getMapper(AccountMailMapper.class);
            insertToken(mapper, token, now);
            insertMail(mapper, mail, signUp.canonicalEmail(), id, now);
            return null;
        });
        return new User(id, signUp.username(), signUp.email(), signUp.displayName(), now, 1);
    }

    @Override
    public void enqueue(Optional<NewToken> token, ComposedMail mail, String recipientKey, Optional<UUID> userId,
                       MailLimit limit, Instant now) {
        inTransaction(session -> {
            AccountMailMapper mapper = session.getMapper(AccountMailMapper.class);
            mapper.lock("mail-to:" + recipientKey);
            Instant since = now.minus(limit.window());
            checkLimit(mapper.sentToRecipientSince(recipientKey, since), limit.perRecipient(), limit.window(), now);
            if (userId.isPresent()) {
                mapper.lock("mail-for:" + userId.get());
                checkLimit(mapper.sentToUserSince(userId.get(), since), limit.perAccount(), limit.window(), now);
            }
            token.ifPresent(issued -> {
                mapper.spendOpenTokens(issued.userId(), issued.purpose().name(), now);
                insertToken(mapper, issued, now);
            });
            insertMail(mapper, mail, recipientKey, userId.orElse(null), now);
            return null;
        });
    }

    /** Refused when {@code max} rows are already in the window; retry when the oldest that counts leaves it. */
    static void checkLimit(List<Instant> inWindow, int max, Duration window, Instant now) {
        if (inWindow.size() >= max) {
            Instant free = inWindow.get(inWindow.size() - max).plus(window);
            Duration wait = Duration.between(now, free);
            throw new MailRateLimitedException(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
        }
    }

    @Override
    public Optional<TokenHolder> openToken(byte[] hash, TokenPurpose purpose, Instant now) {
        return Optional.ofNullable(inTransaction(session -> session.getMapper(AccountMailMapper.class)
                .openToken(hash, purpose.name(), now))).map(TokenRow::toHolder);
    }

    @Override
    public Optional<UUID> verifyEmail(byte[] hash, Instant now) {
        return Optional.ofNullable(inTransaction(session -> {
            AccountMailMapper mapper = session.getMapper(AccountMailMapper.class);
            TokenRow spent = mapper.spendToken(hash, TokenPurpose.VERIFY_EMAIL.name(), now);
            if (spent == null) {
                return null;
            }
            TokenHolder holder = spent.toHolder();
            return mapper.markVerified(holder.userId(), holder.email(), now) == 1 ? holder.userId() : null;
        }));
    }

    @Override
    public Optional<List<UUID>> resetPassword(byte[] hash, UUID userId, String passwordHash, ComposedMail notice,
                                              Instant now) {
        return Optional.ofNullable(inTransaction(session -> {
            AccountMailMapper mapper = session.getMapper(AccountMailMapper.class);
            TokenRow spent = mapper.spendToken(hash, TokenPurpose.RESET_PASSWORD.name(), now);
            if (spent == null || !spent.toHolder().userId().equals(userId)) {
                session.rollback(true);
                return null;
            }
            mapper.replaceHash(userId, passwordHash, now);
            return afterPasswordReplaced(mapper, userId, null, notice, now);
        }));
    }

    @Override
    public List<UUID> changePassword(UUID userId, String expectedHash, String passwordHash, UUID keepSession,
                                     ComposedMail notice, Instant now) {
        return inTransaction(session -> {
            AccountMailMapper mapper = session.getMapper(AccountMailMapper.class);
            if (mapper.replaceHashIf(userId, expectedHash, passwordHash, now) != 1) {
                throw new InvalidCredentialsException();
            }
            return afterPasswordReplaced(mapper, userId, keepSession, notice, now);
        });
    }

    private static List<UUID> afterPasswordReplaced(AccountMailMapper mapper, UUID userId, UUID keepSession,
                                                    ComposedMail notice, Instant now) {
        mapper.spendOpenTokens(userId, TokenPurpose.RESET_PASSWORD.name(), now);
        List<UUID> ended = mapper.endSessionsBut(userId, keepSession, now);
        insertMail(mapper, notice, null, userId, now);
        return ended;
    }

    @Override
    public boolean emailVerified(UUID userId) {
        return Boolean.TRUE.equals(inTransaction(session -> session.getMapper(AccountMailMapper.class)
                .emailVerified(userId)));
    }

    @Override
    public Optional<UserRepository.StoredCredentials> credentials(UUID userId) {
        return Optional.ofNullable(inTransaction(session -> session.getMapper(AccountMailMapper.class)
                        .credentials(userId)))
                .map(row -> new UserRepository.StoredCredentials(row.toUser(), row.passwordHash()));
    }

    static void insertToken(AccountMailMapper mapper, NewToken token, Instant now) {
        mapper.insertToken(token.hash(), token.userId(), token.purpose().name(), token.email(), now,
                token.expiresAt());
    }

    /** A notice's recipient key is its address as stored, lower-cased: notices are not limited, only counted. */
    static void insertMail(AccountMailMapper mapper, ComposedMail mail, String recipientKey, UUID userId,
                                   Instant now) {
        mapper.insertMail(mail.kind().name(), mail.to(),
                recipientKey != null ? recipientKey : mail.to().toLowerCase(java.util.Locale.ROOT), userId,
                mail.subject(), mail.text(), mail.html(), now);
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
