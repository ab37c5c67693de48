import { SECRET_FINGERPRINT_SETTING, type ServerSecretCheck } from '../store/server-secret.js';
import type { PostgresDatabase } from './database.js';

/** The fingerprint in `settings`, shared by every node on the database. */
export class PostgresServerSecretCheck implements ServerSecretCheck {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async recordSecretFingerprint(fingerprint: string): Promise<string> {
    // Of racing inserts one wins and the others wait for it, then do nothing. The read is a
    // statement of its own: one statement's snapshot would not see the winner's row.
    await this.#db.run(
      `INSERT INTO settings (name, value) VALUES (@name, @fingerprint)
       ON CONFLICT (name) DO NOTHING`,
      { name: SECRET_FINGERPRINT_SETTING, fingerprint },
    );
    const [row] = await this.#db.query<{ value: string }>(
      'SELECT value FROM settings WHERE name = @name',
      { name: SECRET_FINGERPRINT_SETTING },
    );
    return row!.value;
  }

  async replaceSecretFingerprint(fingerprint: string): Promise<void> {
    await this.#db.run(
      `INSERT INTO settings (name, value) VALUES (@name, @fingerprint)
       ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      { name: SECRET_FINGERPRINT_SETTING, fingerprint },
    );
  }
}
