import { SAVE_CODE } from '../store/code-table.js';
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
  db.statement(SAVE_CODE).run({
    ...code,
    linkParams: code.linkParams ?? null,
    nonce: code.nonce ?? null,
  });
}
