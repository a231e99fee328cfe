package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for sessions and refresh-token hashes. */
public interface SessionMapper {

    @Insert("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (#{id}, #{userId}, #{now}, #{expiresAt})")
    void insertSession(@Param("id") UUID id, @Param("userId") UUID userId, @Param("now") Instant now,
                       @Param("expiresAt") Instant expiresAt);

    @Insert("INSERT INTO sessions (id, user_id, created_at, expires_at, user_agent, client_address, last_used_at) "
            + "VALUES (#{id}, #{userId}, #{now}, #{expiresAt}, #{userAgent}, #{clientAddress}, #{now})")
    void insertSessionFrom(@Param("id") UUID id, @Param("userId") UUID userId, @Param("now") Instant now,
                           @Param("expiresAt") Instant expiresAt, @Param("userAgent") String userAgent,
                           @Param("clientAddress") String clientAddress);

    @Update("UPDATE sessions SET last_used_at = #{now}, "
            + "user_agent = COALESCE(NULLIF(#{userAgent}, ''), user_agent), "
            + "client_address = COALESCE(NULLIF(#{clientAddress}, ''), client_address) "
            + "WHERE id = #{id}")
    int touchSession(@Param("id") UUID id, @Param("now") Instant now, @Param("userAgent") String userAgent,
                     @Param("clientAddress") String clientAddress);

    @Select("SELECT id, user_agent, client_address, created_at, last_used_at, expires_at FROM sessions "
            + "WHERE user_id = #{userId} AND ended_at IS NULL AND expires_at > #{now} ORDER BY created_at DESC, id")
    List<SessionDetailsRow> openSessions(@Param("userId") UUID userId, @Param("now") Instant now);

    @Insert("INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (#{hash}, #{sessionId}, #{now})")
    void insertToken(@Param("hash") byte[] hash, @Param("sessionId") UUID sessionId, @Param("now") Instant now);

    @Select("UPDATE refresh_tokens SET used_at = #{now} WHERE token_hash = #{hash} AND used_at IS NULL "
            + "RETURNING session_id")
    UUID spendToken(@Param("hash") byte[] hash, @Param("now") Instant now);

    @Select("SELECT session_id FROM refresh_tokens WHERE token_hash = #{hash}")
    UUID sessionOfToken(@Param("hash") byte[] hash);

    @Select("SELECT id AS session_id, user_id, expires_at FROM sessions "
            + "WHERE id = #{id} AND ended_at IS NULL AND expires_at > #{now}")
    SessionRow openSession(@Param("id") UUID id, @Param("now") Instant now);

    @Update("UPDATE sessions SET ended_at = #{now} WHERE id = #{id} AND user_id = #{userId} AND ended_at IS NULL")
    int endOwnSession(@Param("id") UUID id, @Param("userId") UUID userId, @Param("now") Instant now);

    @Update("UPDATE sessions SET ended_at = #{now} WHERE id = #{id} AND ended_at IS NULL")
    int endSession(@Param("id") UUID id, @Param("now") Instant now);

    @Select("UPDATE sessions SET ended_at = #{now} WHERE user_id = #{userId} AND ended_at IS NULL RETURNING id")
    List<UUID> endAllSessions(@Param("userId") UUID userId, @Param("now") Instant now);
}
