package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for mailed tokens, the outbox's writes and the account changes they go with. */
public interface AccountMailMapper {

    @Insert("INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at, expires_at) "
            + "VALUES (#{hash}, #{userId}, #{purpose}, #{email}, #{now}, #{expiresAt})")
    void insertToken(@Param("hash") byte[] hash, @Param("userId") UUID userId, @Param("purpose") String purpose,
                     @Param("email") String email, @Param("now") Instant now, @Param("expiresAt") Instant expiresAt);

    @Update("UPDATE account_tokens SET used_at = #{now} WHERE user_id = #{userId} AND purpose = #{purpose} "
            + "AND used_at IS NULL")
    int spendOpenTokens(@Param("userId") UUID userId, @Param("purpose") String purpose, @Param("now") Instant now);

    @Select("SELECT user_id, email FROM account_tokens WHERE token_hash = #{hash} AND purpose = #{purpose} "
            + "AND used_at IS NULL AND expires_at > #{now}")
    TokenRow openToken(@Param("hash") byte[] hash, @Param("purpose") String purpose, @Param("now") Instant now);

    @Select("UPDATE account_tokens SET used_at = #{now} WHERE token_hash = #{hash} AND purpose = #{purpose} "
            + "AND used_at IS NULL AND expires_at > #{now} RETURNING user_id, email")
    TokenRow spendToken(@Param("hash") byte[] hash, @Param("purpose") String purpose, @Param("now") Instant now);

    @Insert("INSERT INTO mail_outbox (kind, recipient, recipient_key, user_id, subject, text_body, html_body, "
            + "created_at, next_attempt_at) VALUES (#{kind}, #{recipient}, #{recipientKey}, #{userId}, #{subject}, "
            + "#{text}, #{html}, #{now}, #{now})")
    void insertMail(@Param("kind") String kind, @Param("recipient") String recipient,
                    @Param("recipientKey") String recipientKey, @Param("userId") UUID userId,
                    @Param("subject") String subject, @Param("text") String text, @Param("html") String html,
                    @Param("now") Instant now);

    /** Held to the end of the transaction: requests to one address are counted one after the other. */
    @Select("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(#{key}, 0))) AS locked")
    Integer lock(@Param("key") String key);

    @Select("SELECT created_at FROM mail_outbox WHERE recipient_key = #{key} AND created_at > #{since} "
            + "ORDER BY created_at")
    List<Instant> sentToRecipientSince(@Param("key") String key, @Param("since") Instant since);

    @Select("SELECT created_at FROM mail_outbox WHERE user_id = #{userId} AND created_at > #{since} "
            + "ORDER BY created_at")
    List<Instant> sentToUserSince(@Param("userId") UUID userId, @Param("since") Instant since);

    @Update("UPDATE users SET email_verified_at = #{now} WHERE id = #{userId} AND email = #{email}")
    int markVerified(@Param("userId") UUID userId, @Param("email") String email, @Param("now") Instant now);

    @Select("SELECT email_verified_at IS NOT NULL FROM users WHERE id = #{userId}")
    Boolean emailVerified(@Param("userId") UUID userId);

    @Select("SELECT " + UserMapper.COLUMNS + ", password_hash FROM users WHERE id = #{userId}")
    UserRow credentials(@Param("userId") UUID userId);

    @Update("UPDATE users SET password_hash = #{hash}, updated_at = #{now} WHERE id = #{userId}")
    int replaceHash(@Param("userId") UUID userId, @Param("hash") String hash, @Param("now") Instant now);

    @Update("UPDATE users SET password_hash = #{hash}, updated_at = #{now} WHERE id = #{userId} "
            + "AND password_hash = #{expected}")
    int replaceHashIf(@Param("userId") UUID userId, @Param("expected") String expected, @Param("hash") String hash,
                      @Param("now") Instant now);

    @Select("UPDATE sessions SET ended_at = #{now} WHERE user_id = #{userId} AND ended_at IS NULL "
            + "AND id IS DISTINCT FROM #{keep} RETURNING id")
    List<UUID> endSessionsBut(@Param("userId") UUID userId, @Param("keep") UUID keep, @Param("now") Instant now);
}
