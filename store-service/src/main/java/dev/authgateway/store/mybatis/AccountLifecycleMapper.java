package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for deleting an account, replacing its address and exporting it. */
public interface AccountLifecycleMapper {

    /** Locks the user's row for the deletion, if its hash is still the one that was checked. */
    @Select("SELECT id FROM users WHERE id = #{id} AND password_hash = #{expected} FOR UPDATE")
    UUID lockIfHash(@Param("id") UUID id, @Param("expected") String expected);

    @Select("SELECT id FROM sessions WHERE user_id = #{id} AND ended_at IS NULL ORDER BY id")
    List<UUID> openSessionIds(@Param("id") UUID id);

    @Delete("DELETE FROM refresh_tokens WHERE session_id IN (SELECT id FROM sessions WHERE user_id = #{id})")
    int deleteRefreshTokens(@Param("id") UUID id);

    @Delete("DELETE FROM sessions WHERE user_id = #{id}")
    int deleteSessions(@Param("id") UUID id);

    @Delete("DELETE FROM account_tokens WHERE user_id = #{id}")
    int deleteAccountTokens(@Param("id") UUID id);

    @Delete("DELETE FROM recovery_codes WHERE user_id = #{id}")
    int deleteRecoveryCodes(@Param("id") UUID id);

    @Delete("DELETE FROM second_factor_challenges WHERE user_id = #{id}")
    int deleteChallenges(@Param("id") UUID id);

    @Delete("DELETE FROM totp_factors WHERE user_id = #{id}")
    int deleteFactors(@Param("id") UUID id);

    @Delete("DELETE FROM passkeys WHERE user_id = #{id}")
    int deletePasskeys(@Param("id") UUID id);

    @Delete("DELETE FROM passkey_ceremonies WHERE user_id = #{id}")
    int deletePasskeyCeremonies(@Param("id") UUID id);

    /** Every message for the account, and those to its address before any account was known (reset notices). */
    @Delete("DELETE FROM mail_outbox WHERE user_id = #{id} OR recipient_key = #{emailKey}")
    int deleteMail(@Param("id") UUID id, @Param("emailKey") String emailKey);

    @Delete("DELETE FROM canonical_login_collisions WHERE user_id = #{id} OR kept_user_id = #{id}")
    int deleteCollisions(@Param("id") UUID id);

    @Delete("DELETE FROM users WHERE id = #{id}")
    int deleteUser(@Param("id") UUID id);

    @Select("UPDATE users SET email = #{email}, email_canonical = #{canonical}, email_verified_at = #{now}, "
            + "updated_at = #{now}, version = version + 1 WHERE id = #{id} RETURNING " + UserMapper.COLUMNS)
    UserRow replaceEmail(@Param("id") UUID id, @Param("email") String email, @Param("canonical") String canonical,
                         @Param("now") Instant now);

    @Select("SELECT " + UserMapper.COLUMNS + ", updated_at, email_verified_at, "
            + "(SELECT confirmed_at FROM totp_factors WHERE totp_factors.user_id = users.id) AS second_factor_enabled_at "
            + "FROM users WHERE id = #{id}")
    ExportRow export(@Param("id") UUID id);
}
