import type { JWK } from 'jose';
import type { SigningKeyStore } from '../store/keys.js';
import type { PostgresDatabase } from './database.js';

/** Serializes writers of the key set, so the first key is chosen once. */
const KEYS_LOCK = 0x706c_6b31; // "plk1"

/** The signing-key set in `signing_keys`, one JWK a row, oldest first: every node signs with it. */
export class PostgresSigningKeyStore implements SigningKeyStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async loadOrCreateKeys(createFirst: () => Promise<JWK>): Promise<JWK[]> {
    const saved = await this.#keys();
    if (saved.length > 0) return saved;
    // Made outside the lock (an RSA pair takes a while); of racing starts, the first to take
    // the lock saves its key, and the others find it there and drop theirs.
    const first = await createFirst();
    return this.#db.transaction(async (client) => {
      await this.#db.query('SELECT pg_advisory_xact_lock(@lock)', { lock: KEYS_LOCK }, client);
      const keys = await this.#keys(client);
      if (keys.length > 0) return keys;
      await this.#db.query('INSERT INTO signing_keys (jwk) VALUES (@first)', { first }, client);
      return [first];
    });
  }

  async addKey(key: JWK): Promise<number> {
    return this.#db.transaction(async (client) => {
      await this.#db.query('SELECT pg_advisory_xact_lock(@lock)', { lock: KEYS_LOCK }, client);
      await this.#db.query('INSERT INTO signing_keys (jwk) VALUES (@key)', { key }, client);
      return (await this.#keys(client)).length;
    });
  }

  async #keys(client?: Parameters<PostgresDatabase['query']>[2]): Promise<JWK[]> {
    const rows = await this.#db.query<{ jwk: JWK }>(
      'SELECT jwk FROM signing_keys ORDER BY id',
      {},
      client,
    );
    return rows.map((row) => row.jwk);
  }
}
