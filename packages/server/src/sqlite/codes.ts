import type { CodeStore, PendingCode } from '../store/codes.js';
import { withoutNulls, type SqliteDatabase } from './database.js';

/** Pending codes in `pending_codes`, one row per `(client_id, email)`. */
export class SqliteCodeStore implements CodeStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async saveCode(code: PendingCode): Promise<void> {
    upsertCode(this.#db, code);
  }

  async findCode(clientId: string, email: string): Promise<PendingCode | undefined> {
    const row = this.#db
      .statement(
        `SELECT id, client_id AS clientId, email, code_hash AS codeHash, salt,
                created_at AS createdAt, expires_at AS expiresAt, attempts,
                max_attempts AS maxAttempts, link_params AS linkParams, nonce
         FROM pending_codes WHERE client_id = ? AND email = ?`,
      )
      .get(clientId, email) as PendingCode | undefined;
    return row && withoutNulls(row);
  }
}

/** Saves `code`, replacing the client's earlier code for the email (also in start's transaction). */
export function upsertCode(db: SqliteDatabase, code: PendingCode): void {
  db.statement(
    `INSERT INTO pending_codes
       (id, client_id, email, code_hash, salt, created_at, expires_at, attempts, max_attempts,
        link_params, nonce)
     VALUES (@id, @clientId, @email, @codeHash, @salt, @createdAt, @expiresAt, @attempts,
             @maxAttempts, @linkParams, @nonce)
     ON CONFLICT (client_id, email) DO UPDATE SET
       id = excluded.id, code_hash = excluded.code_hash, salt = excluded.salt,
       created_at = excluded.created_at, expires_at = excluded.expires_at,
       attempts = excluded.attempts, max_attempts = excluded.max_attempts,
       link_params = excluded.link_params, nonce = excluded.nonce`,
  ).run({ ...code, linkParams: code.linkParams ?? null, nonce: code.nonce ?? null });
}
