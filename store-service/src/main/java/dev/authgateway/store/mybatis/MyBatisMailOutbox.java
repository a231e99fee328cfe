package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import dev.authgateway.store.domain.MailOutbox;
import dev.authgateway.store.domain.OutboxEntry;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The outbox's delivery side in PostgreSQL; every operation is one statement in its own transaction. */
public final class MyBatisMailOutbox implements MailOutbox {

    private final SqlSessionFactory sessions;

    MyBatisMailOutbox(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<OutboxEntry> claimDue(int batch, Instant now, Instant leaseUntil) {
        return inSession(mapper -> mapper.claimDue(batch, now, leaseUntil)).stream().map(OutboxRow::toEntry).toList();
    }

    @Override
    public void markSent(long id, Instant now) {
        inSession(mapper -> mapper.markSent(id, now));
    }

    @Override
    public void retryAt(long id, Instant next, String error) {
        inSession(mapper -> mapper.retryAt(id, next, error));
    }

    @Override
    public void giveUp(long id, Instant now, String error) {
        inSession(mapper -> mapper.giveUp(id, now, error));
    }

    private <T> T inSession(Function<MailOutboxMapper, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session.getMapper(MailOutboxMapper.class));
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e);
        }
    }
}
