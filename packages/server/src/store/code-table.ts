// The pending-code SQL both stores run: the same statement in SQLite's and PostgreSQL's dialect.

/**
 * Saves `@…` (a `PendingCode`'s fields), replacing the client's earlier code for the
 * email: by a store's `saveCode`, and in a start's transaction.
 */
export const SAVE_CODE = `INSERT INTO pending_codes
    (id, client_id, email, code_hash, salt, created_at, expires_at, attempts, max_attempts,
     link_params, nonce)
  VALUES (@id, @clientId, @email, @codeHash, @salt, @createdAt, @expiresAt, @attempts,
          @maxAttempts, @linkParams, @nonce)
  ON CONFLICT (client_id, email) DO UPDATE SET
    id = excluded.id, code_hash = excluded.code_hash, salt = excluded.salt,
    created_at = excluded.created_at, expires_at = excluded.expires_at,
    attempts = excluded.attempts, max_attempts = excluded.max_attempts,
    link_params = excluded.link_params, nonce = excluded.nonce`;
