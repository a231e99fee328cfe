-- Passkeys (WebAuthn credentials): the public key (COSE) each was registered with, and its signature counter, which
-- every login must move forward (a counter that goes back means a cloned authenticator or a replay: refused).
-- user_handle is WebAuthn's user handle, the user id's 16 bytes; transports are the browser's hints (usb, internal, …).
CREATE TABLE passkeys (
    id               uuid        PRIMARY KEY,
    user_id          uuid        NOT NULL REFERENCES users (id),
    credential_id    bytea       NOT NULL UNIQUE,
    user_handle      bytea       NOT NULL,
    public_key_cose  bytea       NOT NULL,
    signature_count  bigint      NOT NULL,
    transports       text        NOT NULL DEFAULT '',   -- comma-separated
    name             text        NOT NULL,
    created_at       timestamptz NOT NULL,
    last_used_at     timestamptz
);

CREATE INDEX passkeys_by_user ON passkeys (user_id);

-- Ceremonies in progress: what the relying party must check the browser's answer against (Yubico's JSON of the
-- options, challenge included). Single use (taken by DELETE … RETURNING), short-lived (app.passkeys.ceremony-lifetime).
-- A registration is kept under the SHA-256 of its challenge and taken only for its user; a login under the SHA-256 of
-- its opaque request id (user_id NULL for a discoverable login: the answer names the user).
CREATE TABLE passkey_ceremonies (
    key_hash      bytea       PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('REGISTRATION', 'LOGIN')),
    user_id       uuid        REFERENCES users (id),
    request_json  text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);

CREATE INDEX passkey_ceremonies_by_expiry ON passkey_ceremonies (expires_at);
