import type { HealthStore } from '../store/health.js';
import type { SqliteDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

/** Reads the schema version SQLite keeps in its header (`user_version`). */
export class SqliteHealthStore implements HealthStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async isMigrated(): Promise<boolean> {
    const row = this.#db.statement('PRAGMA user_version').get() as { user_version: number };
    return row.user_version >= MIGRATIONS.length;
  }
}
