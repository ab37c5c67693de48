import type { ExpiryStore } from '../store/expiry.js';
import type { SqliteDatabase } from './database.js';

/** Tables whose rows carry `expires_at` (indexed) and are deleted once it has passed. */
const EXPIRING_TABLES = [
  'rate_counters',
  'email_guards',
  'pending_codes',
  'access_tokens',
  'login_tickets',
  'authorization_codes',
  'mail_outbox',
] as const;

/** Prunes every expiring table, a batch at a time. */
export class SqliteExpiryStore implements ExpiryStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async pruneExpired(now: number, batch: number): Promise<number> {
    let left = batch;
    for (const table of EXPIRING_TABLES) {
      if (left === 0) break;
      left -= this.#db
        .statement(
          `DELETE FROM ${table} WHERE rowid IN
           (SELECT rowid FROM ${table} WHERE expires_at <= ? LIMIT ?)`,
        )
        .run(now, left).changes;
    }
    return batch - left;
  }
}
