package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.UUID;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for the users table. Lookups match the canonical columns (LoginForms), which the unique indexes cover. */
public interface UserMapper {

    String COLUMNS = "id, username, email, display_name, created_at, version";

    @Insert("INSERT INTO users (id, username, email, username_canonical, email_canonical, password_hash, "
            + "display_name, created_at, updated_at, version) VALUES (#{id}, #{username}, #{email}, "
            + "#{usernameCanonical}, #{emailCanonical}, #{passwordHash}, #{displayName}, #{now}, #{now}, 1)")
    void insert(@Param("id") UUID id, @Param("username") String username, @Param("email") String email,
                @Param("usernameCanonical") String usernameCanonical, @Param("emailCanonical") String emailCanonical,
                @Param("passwordHash") String passwordHash, @Param("displayName") String displayName,
                @Param("now") Instant now);

    @Select("SELECT " + COLUMNS + " FROM users WHERE id = #{id}")
    UserRow findById(@Param("id") UUID id);

    @Select("SELECT " + COLUMNS + ", password_hash FROM users WHERE username_canonical = #{canonical}")
    UserRow findByUsername(@Param("canonical") String canonical);

    @Select("SELECT " + COLUMNS + ", password_hash FROM users WHERE email_canonical = #{canonical}")
    UserRow findByEmail(@Param("canonical") String canonical);

    @org.apache.ibatis.annotations.Update("UPDATE users SET password_hash = #{replacement} "
            + "WHERE id = #{id} AND password_hash = #{expected}")
    int replacePasswordHash(@Param("id") UUID id, @Param("expected") String expected,
                            @Param("replacement") String replacement);

    @Select("UPDATE users SET display_name = #{displayName}, updated_at = now(), version = version + 1 "
            + "WHERE id = #{id} RETURNING " + COLUMNS)
    UserRow updateDisplayName(@Param("id") UUID id, @Param("displayName") String displayName);
}
