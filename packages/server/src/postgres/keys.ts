import type { JWK } from 'jose';
import {
  isNewestBefore,
  retiredKeys,
  type SavedSigningKey,
  type SigningKeyStore,
} from '../store/keys.js';
import type { PostgresDatabase } from './database.js';

/** Serializes writers of the key set, so the first key is chosen once and a rotation made once. */
const KEYS_LOCK = 0x706c_6b31; // "plk1"

type Client = Parameters<PostgresDatabase['query']>[2];

/** The signing-key set in `signing_keys`, one JWK a row, oldest first: every node signs with it. */
export class PostgresSigningKeyStore implements SigningKeyStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async loadOrCreateKeys(createFirst: () => Promise<JWK>, now: number): Promise<SavedSigningKey[]> {
    const saved = await this.loadKeys();
    if (saved.length > 0) return saved;
    // Made outside the lock (an RSA pair takes a while); of racing starts, the first to take
    // the lock saves its key, and the others find it there and drop theirs.
    const first = await createFirst();
    return this.#locked(async (client) => {
      const keys = await this.#keys(client);
      if (keys.length > 0) return keys;
      await this.#insert(first, now, client);
      return [{ jwk: first, createdAt: now }];
    });
  }

  loadKeys(): Promise<SavedSigningKey[]> {
    return this.#keys();
  }

  async addKey(key: JWK, now: number): Promise<number> {
    return this.#locked(async (client) => {
      await this.#insert(key, now, client);
      return (await this.#keys(client)).length;
    });
  }

  async addKeyIfNewestBefore(key: JWK, now: number, dueBefore: number): Promise<boolean> {
    return this.#locked(async (client) => {
      if (!isNewestBefore(await this.#keys(client), dueBefore)) return false;
      await this.#insert(key, now, client);
      return true;
    });
  }

  async dropKeysRetiredBefore(retiredBefore: number): Promise<string[]> {
    return this.#locked(async (client) => {
      const kids = retiredKeys(await this.#keys(client), retiredBefore).map((jwk) => jwk.kid!);
      if (kids.length > 0) {
        await this.#db.query(
          "DELETE FROM signing_keys WHERE jwk->>'kid' = ANY(@kids)",
          { kids },
          client,
        );
      }
      return kids;
    });
  }

  /** Runs `work` in a transaction holding the key set's lock. */
  #locked<T>(work: (client: NonNullable<Client>) => Promise<T>): Promise<T> {
    return this.#db.transaction(async (client) => {
      await this.#db.query('SELECT pg_advisory_xact_lock(@lock)', { lock: KEYS_LOCK }, client);
      return work(client);
    });
  }

  async #insert(key: JWK, now: number, client: Client): Promise<void> {
    await this.#db.query(
      'INSERT INTO signing_keys (jwk, created_at) VALUES (@key, @now)',
      { key, now },
      client,
    );
  }

  async #keys(client?: Client): Promise<SavedSigningKey[]> {
    const rows = await this.#db.query<{ jwk: JWK; created_at: number | null }>(
      'SELECT jwk, created_at FROM signing_keys ORDER BY id',
      {},
      client,
    );
    return rows.map((row) =>
      row.created_at === null ? { jwk: row.jwk } : { jwk: row.jwk, createdAt: row.created_at },
    );
  }
}
