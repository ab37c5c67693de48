import type { ExpiryStore } from '../store/expiry.js';
import { EXPIRING_TABLES } from '../store/record-tables.js';
import type { PostgresDatabase } from './database.js';

/** Prunes every expiring table, a batch at a time. */
export class PostgresExpiryStore implements ExpiryStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async pruneExpired(now: number, batch: number): Promise<number> {
    let left = batch;
    for (const table of EXPIRING_TABLES) {
      if (left === 0) break;
      // PostgreSQL's DELETE has no LIMIT: the batch is chosen by row address (ctid).
      left -= await this.#db.run(
        `DELETE FROM ${table} WHERE ctid IN
         (SELECT ctid FROM ${table} WHERE expires_at <= @now LIMIT @left)`,
        { now, left },
      );
    }
    return batch - left;
  }
}
