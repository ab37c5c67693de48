import { SAVE_CODE } from '../store/code-table.js';
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
