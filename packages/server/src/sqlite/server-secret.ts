import { SECRET_FINGERPRINT_SETTING, type ServerSecretCheck } from '../store/server-secret.js';
import type { SqliteDatabase } from './database.js';

/** The fingerprint in `settings`, shared by every process on the data dir's database. */
export class SqliteServerSecretCheck implements ServerSecretCheck {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async recordSecretFingerprint(fingerprint: string): Promise<string> {
    // The insert takes the write lock, so a process racing on the same file waits for this
    // transaction and then reads the row it kept.
    return this.#db.transaction(() => {
      this.#db
        .statement('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING')
        .run(SECRET_FINGERPRINT_SETTING, fingerprint);
      const row = this.#db
        .statement('SELECT value FROM settings WHERE name = ?')
        .get(SECRET_FINGERPRINT_SETTING) as { value: string };
      return row.value;
    });
  }

  async replaceSecretFingerprint(fingerprint: string): Promise<void> {
    this.#db
      .statement(
        `INSERT INTO settings (name, value) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      )
      .run(SECRET_FINGERPRINT_SETTING, fingerprint);
  }
}
