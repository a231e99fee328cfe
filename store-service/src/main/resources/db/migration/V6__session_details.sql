-- Version 5 is the passkeys' (another branch); this one does not depend on it.
-- Sessions as their owner sees them: the device they were started or last refreshed from (the client's User-Agent
-- and address, cleaned and truncated by the store) and when they were last used (login or refresh).
ALTER TABLE sessions ADD COLUMN user_agent text NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN client_address text NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_used_at timestamptz;
UPDATE sessions SET last_used_at = created_at;

-- Deleting an account removes every row kept for it, ended sessions and spent tokens included: these indexes let
-- that find them without a scan.
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);
CREATE INDEX account_tokens_by_user ON account_tokens (user_id);
