-- Version 3.1: version 3 is CanonicalLoginsMigration (Java), so this SQL file cannot be V3; V4 is left free.

-- When the account's current address was proven by a link sent to it; NULL: not (yet) verified.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- One-time tokens mailed to an account (verification, password reset, email change): 256 random bits, stored only
-- as their SHA-256; single use (used_at), short-lived (expires_at). email: the address the token was sent to, which
-- a verification must still be the account's (and an email change's new address).
CREATE TABLE account_tokens (
    token_hash  bytea       PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    purpose     text        NOT NULL,
    email       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);

CREATE INDEX account_tokens_open_by_user ON account_tokens (user_id, purpose) WHERE used_at IS NULL;

-- The transactional outbox: a row is written in the transaction of the change that causes the mail, and sent by
-- the store's mail sender (at least once). The bodies hold links with tokens: they are emptied once the row is
-- sent or given up. recipient_key (the canonical address) and user_id count mails for the rate limits.
CREATE TABLE mail_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    recipient_key   text        NOT NULL,
    user_id         uuid,
    subject         text,
    text_body       text,
    html_body       text,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_by_recipient ON mail_outbox (recipient_key, created_at);
CREATE INDEX mail_outbox_by_user ON mail_outbox (user_id, created_at) WHERE user_id IS NOT NULL;
