import type { CodeStore, PendingCode } from '../store/codes.js';
import { withoutNulls } from '../store/record-tables.js';
import type { PostgresDatabase } from './database.js';

/** Pending codes in `pending_codes`, one row per `(client_id, email)`. */
export class PostgresCodeStore implements CodeStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async saveCode(code: PendingCode): Promise<void> {
    await this.#db.run(SAVE_CODE, { ...code });
  }

  async findCode(clientId: string, email: string): Promise<PendingCode | undefined> {
    const [row] = await this.#db.query<PendingCode>(
      `SELECT id, client_id AS "clientId", email, code_hash AS "codeHash", salt,
              created_at AS "createdAt", expires_at AS "expiresAt", attempts,
              max_attempts AS "maxAttempts", link_params AS "linkParams", nonce
       FROM pending_codes WHERE client_id = @clientId AND email = @email`,
      { clientId, email },
    );
    return row && withoutNulls(row);
  }
}

/** Saves `@…` (a {@link PendingCode}'s fields), replacing the client's earlier code for the email. */
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
