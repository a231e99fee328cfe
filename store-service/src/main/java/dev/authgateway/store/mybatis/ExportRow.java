package dev.authgateway.store.mybatis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.authgateway.store.domain.ExportedAccount;
import dev.authgateway.store.domain.User;

/** A user's row with the timestamps an export shows, as MyBatis fills it (public for MyBatis's mapper proxies). */
public final class ExportRow {

    private UUID id;
    private String username;
    private String email;
    private String displayName;
    private Instant createdAt;
    private long version;
    private Instant updatedAt;
    private Instant emailVerifiedAt;
    private Instant secondFactorEnabledAt;

    ExportedAccount toExport() {
        return new ExportedAccount(new User(id, username, email, displayName, createdAt, version), updatedAt,
                Optional.ofNullable(emailVerifiedAt), Optional.ofNullable(secondFactorEnabledAt), List.of());
    }
}
