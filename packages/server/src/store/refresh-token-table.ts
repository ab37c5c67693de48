import { hashedRecordStatements, type RecordTable } from './record-tables.js';
import type { RefreshTokenRecord } from './refresh-tokens.js';

/** Where refresh tokens live in SQL: one schema shape and the same statements for both stores. */
export const REFRESH_TOKENS: RecordTable<RefreshTokenRecord> = {
  table: 'refresh_tokens',
  key: 'tokenHash',
  columns: {
    tokenHash: 'token_hash',
    familyId: 'family_id',
    sub: 'sub',
    clientId: 'client_id',
    scope: 'scope',
    audience: 'audience',
    authTime: 'auth_time',
    familyExpiresAt: 'family_expires_at',
    issuedAt: 'issued_at',
    expiresAt: 'expires_at',
    usedAt: 'used_at',
  },
};

const hashed = hashedRecordStatements(REFRESH_TOKENS);
const selected = Object.entries(REFRESH_TOKENS.columns)
  .map(([property, column]) => `${column} AS "${property}"`)
  .join(', ');

/** Named parameters (`@name`), valid SQL for SQLite and PostgreSQL alike. */
export const REFRESH_TOKEN_STATEMENTS = {
  insert: hashed.insert,
  values: hashed.values,
  find: hashed.find,
  /**
   * Spends a live token: only the statement that finds `used_at` empty changes it. It is the
   * first statement of the rotation's transaction, so it takes the write lock (SQLite) or the
   * row lock (PostgreSQL) before anything is read: a racing use waits, then finds it spent.
   * A spent token is kept as long as its family, to recognize a reuse.
   */
  spend: `UPDATE refresh_tokens SET used_at = @now, expires_at = family_expires_at
    WHERE token_hash = @hash AND client_id = @clientId AND used_at IS NULL AND expires_at > @now
    RETURNING ${selected}`,
  deleteFamily: 'DELETE FROM refresh_tokens WHERE family_id = @familyId',
  revokeFamily: `DELETE FROM refresh_tokens WHERE family_id =
    (SELECT family_id FROM refresh_tokens WHERE token_hash = @hash AND client_id = @clientId)`,
};
