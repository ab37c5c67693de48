/** The PostgreSQL schema. */
// Each entry upgrades the schema by one version, recorded in schema_migrations; append, never
// edit. Times are epoch milliseconds (BIGINT), as in the SQLite schema.
export const MIGRATIONS = [
  `CREATE TABLE users (
     sub TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE,
     created_at BIGINT NOT NULL,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE pending_codes (
     id TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     email TEXT NOT NULL,
     code_hash BYTEA NOT NULL,
     salt BYTEA NOT NULL,
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     max_attempts INTEGER NOT NULL,
     link_params TEXT,
     nonce TEXT,
     UNIQUE (client_id, email)
   );
   CREATE INDEX pending_codes_expiry ON pending_codes (expires_at);
   CREATE TABLE login_tickets (
     ticket_hash TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     sub TEXT NOT NULL,
     origin TEXT NOT NULL,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX login_tickets_expiry ON login_tickets (expires_at);
   CREATE TABLE authorization_codes (
     code_hash TEXT PRIMARY KEY,
     client_id TEXT NOT NULL,
     sub TEXT NOT NULL,
     redirect_uri TEXT NOT NULL,
     scope TEXT NOT NULL,
     audience TEXT,
     nonce TEXT,
     code_challenge TEXT NOT NULL,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at);
   CREATE TABLE access_tokens (
     token_hash TEXT PRIMARY KEY,
     sub TEXT NOT NULL,
     client_id TEXT NOT NULL,
     scope TEXT NOT NULL,
     audience TEXT,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX access_tokens_expiry ON access_tokens (expires_at);
   CREATE TABLE rate_counters (
     key TEXT NOT NULL,
     slot BIGINT NOT NULL,
     count INTEGER NOT NULL,
     expires_at BIGINT NOT NULL,
     PRIMARY KEY (key, slot)
   );
   CREATE INDEX rate_counters_expiry ON rate_counters (expires_at);
   CREATE TABLE email_guards (
     email TEXT PRIMARY KEY,
     guesses DOUBLE PRECISION NOT NULL,
     guesses_at BIGINT NOT NULL,
     last_code_at BIGINT,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX email_guards_expiry ON email_guards (expires_at);
   CREATE TABLE mail_outbox (
     id BIGSERIAL PRIMARY KEY,
     recipient TEXT NOT NULL,
     from_name TEXT NOT NULL,
     from_address TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT NOT NULL,
     expires_at BIGINT NOT NULL,
     next_attempt_at BIGINT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT
   );
   CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
   CREATE INDEX mail_outbox_expiry ON mail_outbox (expires_at);
   CREATE TABLE signing_keys (
     id BIGSERIAL PRIMARY KEY,
     jwk JSONB NOT NULL
   );
   CREATE TABLE dev_inbox (
     id BIGSERIAL PRIMARY KEY,
     recipient TEXT NOT NULL,
     sender TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT NOT NULL,
     date TEXT NOT NULL
   );
   CREATE INDEX dev_inbox_recipient ON dev_inbox (lower(recipient));`,
  // Settings of the whole database: the fingerprint of the server secret it is used with.
  `CREATE TABLE settings (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
  // Users can be blocked by an operator (`users block`), and a user's records can be found by
  // user (block, delete and export) in the tables that grow with logins.
  `ALTER TABLE users ADD COLUMN blocked BOOLEAN NOT NULL DEFAULT FALSE;
   CREATE INDEX pending_codes_email ON pending_codes (email);
   CREATE INDEX access_tokens_sub ON access_tokens (sub);`,
  // When each signing key was added (epoch ms), for scheduled rotation; NULL for older keys.
  `ALTER TABLE signing_keys ADD COLUMN created_at BIGINT;`,
  // Refresh tokens (DESIGN §7): a row per token, its family's rows sharing `family_id`.
  `CREATE TABLE refresh_tokens (
     token_hash TEXT PRIMARY KEY,
     family_id TEXT NOT NULL,
     sub TEXT NOT NULL,
     client_id TEXT NOT NULL,
     scope TEXT NOT NULL,
     audience TEXT,
     auth_time BIGINT NOT NULL,
     family_expires_at BIGINT NOT NULL,
     issued_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL,
     used_at BIGINT
   );
   CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
   CREATE INDEX refresh_tokens_sub ON refresh_tokens (sub);
   CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at);`,
  // Queued mail names the code it carries, so a start that replaces the code drops its
  // unsent mail (store/start.ts).
  `ALTER TABLE mail_outbox ADD COLUMN code_id TEXT;
   CREATE INDEX mail_outbox_code ON mail_outbox (code_id);`,
];
