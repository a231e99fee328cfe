package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.authgateway.store.domain.CanonicalLogin;
import dev.authgateway.store.domain.SignUp;
import dev.authgateway.store.domain.User;
import dev.authgateway.store.domain.UserRepository;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/** Users in PostgreSQL through MyBatis; every operation is one statement in its own transaction. */
public final class MyBatisUserRepository implements UserRepository {

    private final SqlSessionFactory sessions;

    private MyBatisUserRepository(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    public static MyBatisUserRepository on(DataSource dataSource) {
        Configuration configuration = new Configuration(
                new Environment("store", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.getTypeHandlerRegistry().register(UUID.class, new UuidTypeHandler());
        configuration.addMapper(UserMapper.class);
        configuration.addMapper(SessionMapper.class);
        configuration.addMapper(AccountMailMapper.class);
        configuration.addMapper(MailOutboxMapper.class);
        configuration.addMapper(SecondFactorMapper.class);
        configuration.addMapper(AccountLifecycleMapper.class);
        configuration.addMapper(PasskeyMapper.class);
        return new MyBatisUserRepository(new SqlSessionFactoryBuilder().build(configuration));
    }

    /** Sessions on the same database and MyBatis configuration. */
    public MyBatisSessionRepository sessions() {
        return new MyBatisSessionRepository(sessions);
    }

    /** Mailed tokens and the outbox's writes, on the same database and MyBatis configuration. */
    public MyBatisAccountMailRepository accountMail() {
        return new MyBatisAccountMailRepository(sessions);
    }

    /** The outbox's delivery side, on the same database and MyBatis configuration. */
    public MyBatisMailOutbox mailOutbox() {
        return new MyBatisMailOutbox(sessions);
    }

    /** Deletion, email change and export, on the same database and MyBatis configuration. */
    public MyBatisAccountLifecycleRepository accountLifecycle() {
        return new MyBatisAccountLifecycleRepository(sessions);
    }

    /** Second factors on the same database and MyBatis configuration. */
    public MyBatisSecondFactorRepository secondFactors() {
        return new MyBatisSecondFactorRepository(sessions);
    }

    /** Passkeys and their ceremonies on the same database and MyBatis configuration. */
    public MyBatisPasskeyRepository passkeys() {
        return new MyBatisPasskeyRepository(sessions);
    }

    @Override
    public User insert(UUID id, SignUp signUp, String passwordHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        inSession(mapper -> {
            mapper.insert(id, signUp.username(), signUp.email(), signUp.canonicalUsername(), signUp.canonicalEmail(),
                    passwordHash, signUp.displayName(), now);
            return null;
        });
        return new User(id, signUp.username(), signUp.email(), signUp.displayName(), now, 1);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(inSession(mapper -> mapper.findById(id))).map(UserRow::toUser);
    }

    @Override
    public Optional<StoredCredentials> findCredentials(CanonicalLogin login) {
        UserRow row = inSession(mapper -> login.isEmail()
                ? mapper.findByEmail(login.value())
                : mapper.findByUsername(login.value()));
        return Optional.ofNullable(row).map(found -> new StoredCredentials(found.toUser(), found.passwordHash()));
    }

    @Override
    public Optional<User> updateDisplayName(UUID id, String displayName) {
        return Optional.ofNullable(inSession(mapper -> mapper.updateDisplayName(id, displayName)))
                .map(UserRow::toUser);
    }

    @Override
    public void replacePasswordHash(UUID id, String expected, String replacement) {
        inSession(mapper -> mapper.replacePasswordHash(id, expected, replacement));
    }

    private <T> T inSession(Function<UserMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(UserMapper.class));
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }
}
