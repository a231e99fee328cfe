-- Version 3 is the Java migration CanonicalLoginsMigration.
-- Second factors: one TOTP factor per user (RFC 6238), pending until confirmed with a first valid code.
-- The secret is sealed with AES-256-GCM by the key named in secret_key_id (so keys can rotate: every listed key
-- still opens what it sealed); the user id is its associated data, so a sealed secret moved to another row does not open.
CREATE TABLE totp_factors (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL UNIQUE REFERENCES users (id),
    secret_key_id  text        NOT NULL,
    secret_sealed  bytea       NOT NULL,   -- 12-byte nonce, then ciphertext and 16-byte tag
    created_at     timestamptz NOT NULL,
    confirmed_at   timestamptz,            -- NULL: pending, not asked for at login
    last_step      bigint                  -- the last accepted time step: no code of it or before works again
);

-- Ten per confirmed factor, each single use, stored only as SHA-256 hashes of the normalised code.
CREATE TABLE recovery_codes (
    user_id     uuid        NOT NULL REFERENCES users (id),
    code_hash   bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- Login challenges: issued when the password matched and a factor is confirmed; single use, short-lived, stored
-- only as SHA-256 hashes; burnt after app.second-factor.challenge-max-failures wrong codes.
CREATE TABLE second_factor_challenges (
    challenge_hash bytea       PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id),
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    failures       integer     NOT NULL DEFAULT 0
);

CREATE INDEX second_factor_challenges_by_user ON second_factor_challenges (user_id);
