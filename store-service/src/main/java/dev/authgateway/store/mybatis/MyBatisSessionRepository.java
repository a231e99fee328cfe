package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.authgateway.store.domain.SessionDetails;
import dev.authgateway.store.domain.SessionDevice;
import dev.authgateway.store.domain.SessionRepository;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Sessions in PostgreSQL; every operation is one statement in its own transaction. */
public final class MyBatisSessionRepository implements SessionRepository {

    private final SqlSessionFactory sessions;

    MyBatisSessionRepository(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void insertSession(UUID sessionId, UUID userId, Instant now, Instant expiresAt) {
        inSession(mapper -> {
            mapper.insertSession(sessionId, userId, now, expiresAt);
            return null;
        });
    }

    @Override
    public void insertSession(UUID sessionId, UUID userId, Instant now, Instant expiresAt, SessionDevice device) {
        inSession(mapper -> {
            mapper.insertSessionFrom(sessionId, userId, now, expiresAt, device.userAgent(), device.clientAddress());
            return null;
        });
    }

    @Override
    public void touchSession(UUID sessionId, Instant now, SessionDevice device) {
        inSession(mapper -> mapper.touchSession(sessionId, now, device.userAgent(), device.clientAddress()));
    }

    @Override
    public List<SessionDetails> openSessions(UUID userId, Instant now) {
        return inSession(mapper -> mapper.openSessions(userId, now)).stream().map(SessionDetailsRow::toDetails)
                .toList();
    }

    @Override
    public void insertToken(byte[] tokenHash, UUID sessionId, Instant now) {
        inSession(mapper -> {
            mapper.insertToken(tokenHash, sessionId, now);
            return null;
        });
    }

    @Override
    public Optional<UUID> spendToken(byte[] tokenHash, Instant now) {
        return Optional.ofNullable(inSession(mapper -> mapper.spendToken(tokenHash, now)));
    }

    @Override
    public Optional<UUID> sessionOfToken(byte[] tokenHash) {
        return Optional.ofNullable(inSession(mapper -> mapper.sessionOfToken(tokenHash)));
    }

    @Override
    public Optional<OpenSession> openSession(UUID sessionId, Instant now) {
        return Optional.ofNullable(inSession(mapper -> mapper.openSession(sessionId, now)))
                .map(SessionRow::toOpenSession);
    }

    @Override
    public boolean endSession(UUID sessionId, UUID userId, Instant now) {
        return inSession(mapper -> mapper.endOwnSession(sessionId, userId, now)) > 0;
    }

    @Override
    public List<UUID> endAllSessions(UUID userId, Instant now) {
        return inSession(mapper -> mapper.endAllSessions(userId, now));
    }

    @Override
    public void endSession(UUID sessionId, Instant now) {
        inSession(mapper -> mapper.endSession(sessionId, now));
    }

    private <T> T inSession(Function<SessionMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(SessionMapper.class));
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }
}
