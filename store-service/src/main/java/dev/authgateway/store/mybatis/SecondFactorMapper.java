package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for TOTP factors, recovery-code hashes and login challenges (V4__second_factors.sql). */
public interface SecondFactorMapper {

    /** A pending factor, replacing a pending one; no row is touched while a confirmed one exists. */
    @Insert("INSERT INTO totp_factors (id, user_id, secret_key_id, secret_sealed, created_at) "
            + "VALUES (#{id}, #{userId}, #{keyId}, #{sealed}, #{now}) "
            + "ON CONFLICT (user_id) DO UPDATE SET id = EXCLUDED.id, secret_key_id = EXCLUDED.secret_key_id, "
            + "secret_sealed = EXCLUDED.secret_sealed, created_at = EXCLUDED.created_at, last_step = NULL "
            + "WHERE totp_factors.confirmed_at IS NULL")
    int savePending(@Param("id") UUID id, @Param("userId") UUID userId, @Param("keyId") String keyId,
                    @Param("sealed") byte[] sealed, @Param("now") Instant now);

    @Select("SELECT id, user_id, secret_key_id, secret_sealed, confirmed_at IS NOT NULL AS confirmed, last_step "
            + "FROM totp_factors WHERE user_id = #{userId}")
    FactorRow factorOf(@Param("userId") UUID userId);

    @Update("UPDATE totp_factors SET confirmed_at = #{now}, last_step = #{step} "
            + "WHERE id = #{id} AND confirmed_at IS NULL")
    int confirm(@Param("id") UUID id, @Param("step") long step, @Param("now") Instant now);

    /** Atomic: of two requests with the same code, one updates the row and the other finds the step taken. */
    @Update("UPDATE totp_factors SET last_step = #{step} "
            + "WHERE id = #{id} AND (last_step IS NULL OR last_step < #{step})")
    int acceptStep(@Param("id") UUID id, @Param("step") long step);

    @Update("UPDATE totp_factors SET secret_key_id = #{keyId}, secret_sealed = #{sealed} "
            + "WHERE id = #{id} AND secret_key_id = #{expectedKeyId} AND secret_sealed = #{expected}")
    int reseal(@Param("id") UUID id, @Param("expectedKeyId") String expectedKeyId, @Param("expected") byte[] expected,
               @Param("keyId") String keyId, @Param("sealed") byte[] sealed);

    @Delete("DELETE FROM recovery_codes WHERE user_id = #{userId}")
    int deleteRecoveryCodes(@Param("userId") UUID userId);

    @Insert("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (#{userId}, #{hash}, #{now})")
    void insertRecoveryCode(@Param("userId") UUID userId, @Param("hash") byte[] hash, @Param("now") Instant now);

    @Update("UPDATE recovery_codes SET used_at = #{now} "
            + "WHERE user_id = #{userId} AND code_hash = #{hash} AND used_at IS NULL")
    int spendRecoveryCode(@Param("userId") UUID userId, @Param("hash") byte[] hash, @Param("now") Instant now);

    @Select("SELECT count(*) FROM recovery_codes WHERE user_id = #{userId} AND used_at IS NULL")
    int unusedRecoveryCodes(@Param("userId") UUID userId);

    @Delete("DELETE FROM totp_factors WHERE user_id = #{userId}")
    int deleteFactor(@Param("userId") UUID userId);

    @Delete("DELETE FROM second_factor_challenges WHERE user_id = #{userId}")
    int deleteChallenges(@Param("userId") UUID userId);

    @Insert("INSERT INTO second_factor_challenges (challenge_hash, user_id, created_at, expires_at) "
            + "VALUES (#{hash}, #{userId}, #{now}, #{expiresAt})")
    void insertChallenge(@Param("hash") byte[] hash, @Param("userId") UUID userId, @Param("now") Instant now,
                         @Param("expiresAt") Instant expiresAt);

    @Select("SELECT user_id FROM second_factor_challenges "
            + "WHERE challenge_hash = #{hash} AND used_at IS NULL AND expires_at > #{now}")
    UUID challengeUser(@Param("hash") byte[] hash, @Param("now") Instant now);

    @Select("SELECT user_id FROM second_factor_challenges WHERE challenge_hash = #{hash} AND used_at IS NULL "
            + "AND expires_at > #{now} AND failures < #{maxFailures}")
    UUID liveChallengeUser(@Param("hash") byte[] hash, @Param("now") Instant now,
                           @Param("maxFailures") int maxFailures);

    @Update("UPDATE second_factor_challenges SET used_at = #{now} WHERE challenge_hash = #{hash} "
            + "AND used_at IS NULL AND expires_at > #{now} AND failures < #{maxFailures}")
    int spendChallenge(@Param("hash") byte[] hash, @Param("now") Instant now, @Param("maxFailures") int maxFailures);

    @Update("UPDATE second_factor_challenges SET failures = failures + 1 "
            + "WHERE challenge_hash = #{hash} AND used_at IS NULL")
    int failChallenge(@Param("hash") byte[] hash);
}
