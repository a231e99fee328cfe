package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.UUID;

import dev.authgateway.store.domain.User;

/** A row of the users table as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class UserRow {

    private UUID id;
    private String username;
    private String email;
    private String displayName;
    private Instant createdAt;
    private long version;
    private String passwordHash;

    User toUser() {
        return new User(id, username, email, displayName, createdAt, version);
    }

    String passwordHash() {
        return passwordHash;
    }
}
