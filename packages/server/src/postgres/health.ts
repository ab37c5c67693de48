import type { HealthStore } from '../store/health.js';
import type { PostgresDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

/** Reads the newest applied migration: one indexed read, which also proves the database answers. */
export class PostgresHealthStore implements HealthStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async isMigrated(): Promise<boolean> {
    const [row] = await this.#db.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
    );
    return (row?.version ?? 0) >= MIGRATIONS.length;
  }
}
