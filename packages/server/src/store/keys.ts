import type { JWK } from 'jose';

/**
 * The signing-key set: private JWKs, oldest first; the newest signs and all of them verify (the
 * JWKS). Kept in the data dir's keys.json with SQLite (keys-file.ts), and in the database with
 * PostgreSQL (postgres/keys.ts), so every node signs with one set.
 */
export interface SigningKeyStore {
  /**
   * The saved keys, oldest first. With none saved, the key `createFirst()` makes is saved
   * first; of callers racing on an empty store (servers starting together) one key is kept and
   * every caller gets it.
   */
  loadOrCreateKeys(createFirst: () => Promise<JWK>): Promise<JWK[]>;
  /** Saves `key` as the newest, keeping the older ones; returns how many there are now. */
  addKey(key: JWK): Promise<number>;
}
