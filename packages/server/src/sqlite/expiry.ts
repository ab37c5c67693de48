import type { ExpiryStore } from '../store/expiry.js';
import { EXPIRING_TABLES } from '../store/record-tables.js';
import type { SqliteDatabase } from './database.js';

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
