package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for passkeys and their ceremonies (V5__passkeys.sql). */
public interface PasskeyMapper {

    String COLUMNS = "id, user_id, credential_id, user_handle, public_key_cose, signature_count, transports, name, "
            + "created_at, last_used_at";

    @Insert("INSERT INTO passkeys (" + COLUMNS + ") VALUES (#{id}, #{userId}, #{credentialId}, #{userHandle}, "
            + "#{publicKeyCose}, #{signatureCount}, #{transports}, #{name}, #{createdAt}, NULL)")
    void insert(@Param("id") UUID id, @Param("userId") UUID userId, @Param("credentialId") byte[] credentialId,
                @Param("userHandle") byte[] userHandle, @Param("publicKeyCose") byte[] publicKeyCose,
                @Param("signatureCount") long signatureCount, @Param("transports") String transports,
                @Param("name") String name, @Param("createdAt") Instant createdAt);

    @Select("SELECT " + COLUMNS + " FROM passkeys WHERE user_id = #{userId} ORDER BY created_at, id")
    List<PasskeyRow> ofUser(@Param("userId") UUID userId);

    @Select("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = #{credentialId}")
    PasskeyRow byCredentialId(@Param("credentialId") byte[] credentialId);

    /** Atomic: of two logins with one counter value, one moves it and the other finds it taken. */
    @Update("UPDATE passkeys SET signature_count = #{count}, last_used_at = #{now} WHERE credential_id = #{credentialId} "
            + "AND (signature_count < #{count} OR (signature_count = 0 AND #{count} = 0))")
    int recordUse(@Param("credentialId") byte[] credentialId, @Param("count") long count, @Param("now") Instant now);

    @Delete("DELETE FROM passkeys WHERE id = #{id} AND user_id = #{userId}")
    int remove(@Param("userId") UUID userId, @Param("id") UUID id);

    @Insert("INSERT INTO passkey_ceremonies (key_hash, kind, user_id, request_json, created_at, expires_at) "
            + "VALUES (#{keyHash}, #{kind}, #{userId}, #{requestJson}, #{now}, #{expiresAt})")
    void insertCeremony(@Param("keyHash") byte[] keyHash, @Param("kind") String kind, @Param("userId") UUID userId,
                        @Param("requestJson") String requestJson, @Param("now") Instant now,
                        @Param("expiresAt") Instant expiresAt);

    @Select("DELETE FROM passkey_ceremonies WHERE key_hash = #{keyHash} AND kind = #{kind} AND expires_at > #{now} "
            + "AND user_id = #{userId} RETURNING user_id, request_json")
    CeremonyRow takeOfUser(@Param("keyHash") byte[] keyHash, @Param("kind") String kind, @Param("userId") UUID userId,
                           @Param("now") Instant now);

    @Select("DELETE FROM passkey_ceremonies WHERE key_hash = #{keyHash} AND kind = #{kind} AND expires_at > #{now} "
            + "RETURNING user_id, request_json")
    CeremonyRow take(@Param("keyHash") byte[] keyHash, @Param("kind") String kind, @Param("now") Instant now);

    @Delete("DELETE FROM passkey_ceremonies WHERE expires_at <= #{now}")
    int deleteExpired(@Param("now") Instant now);
}
