package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for the outbox's delivery side. */
public interface MailOutboxMapper {

    /**
     * Leases due rows: SKIP LOCKED passes over rows another sender is claiming at this moment, and the lease (the
     * next attempt moved to leaseUntil) keeps them from the others while this one sends, outside any transaction.
     */
    @Select("UPDATE mail_outbox SET next_attempt_at = #{leaseUntil}, attempts = attempts + 1 WHERE id IN ("
            + "SELECT id FROM mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= #{now} "
            + "ORDER BY next_attempt_at, id LIMIT #{batch} FOR UPDATE SKIP LOCKED) "
            + "RETURNING id, kind, recipient, subject, text_body, html_body, attempts")
    List<OutboxRow> claimDue(@Param("batch") int batch, @Param("now") Instant now,
                             @Param("leaseUntil") Instant leaseUntil);

    @Update("UPDATE mail_outbox SET sent_at = #{now}, text_body = NULL, html_body = NULL WHERE id = #{id}")
    int markSent(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE mail_outbox SET next_attempt_at = #{next}, last_error = #{error} WHERE id = #{id} "
            + "AND sent_at IS NULL")
    int retryAt(@Param("id") long id, @Param("next") Instant next, @Param("error") String error);

    @Update("UPDATE mail_outbox SET failed_at = #{now}, last_error = #{error}, text_body = NULL, html_body = NULL "
            + "WHERE id = #{id} AND sent_at IS NULL")
    int giveUp(@Param("id") long id, @Param("now") Instant now, @Param("error") String error);
}
