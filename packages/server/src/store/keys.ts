import type { JWK } from 'jose';

/** A private JWK of the set, with when it was added. */
export interface SavedSigningKey {
  jwk: JWK;
  /**
   * Epoch milliseconds when it was added; `undefined` for a key saved before times were kept
   * (such a key counts as due for rotation, and is never dropped as expired).
   */
  createdAt?: number;
}

/**
 * The signing-key set: private JWKs, oldest first; the newest signs and all of them verify (the
 * JWKS). Kept in the data dir's keys.json with SQLite (keys-file.ts), and in the database with
 * PostgreSQL (postgres/keys.ts), so every node signs with one set. Every change is atomic
 * across processes and nodes.
 */
export interface SigningKeyStore {
  /**
   * The saved keys, oldest first. With none saved, the key `createFirst()` makes is saved
   * first (added at `now`); of callers racing on an empty store (servers starting together)
   * one key is kept and every caller gets it.
   */
  loadOrCreateKeys(createFirst: () => Promise<JWK>, now: number): Promise<SavedSigningKey[]>;
  /**
   * The saved keys, oldest first, never creating one: a running server's reload must not make
   * a new first key when the set was emptied under it. Empty when none are saved.
   */
  loadKeys(): Promise<SavedSigningKey[]>;
  /** Saves `key` (added at `now`) as the newest, keeping the older ones; returns how many there are now. */
  addKey(key: JWK, now: number): Promise<number>;
  /**
   * Saves `key` (added at `now`) as the newest only if the newest saved key was added before
   * `dueBefore` (or at an unknown time): of nodes rotating at once, one adds its key and the
   * others add nothing. Returns whether `key` was saved.
   */
  addKeyIfNewestBefore(key: JWK, now: number, dueBefore: number): Promise<boolean>;
  /**
   * Deletes every key whose successor (the next newer key, which took over signing) was added
   * before `retiredBefore`; the newest key always stays. Returns the `kid`s deleted.
   */
  dropKeysRetiredBefore(retiredBefore: number): Promise<string[]>;
}

/** The keys of `keys` that {@link SigningKeyStore.dropKeysRetiredBefore} deletes. */
export function retiredKeys(keys: readonly SavedSigningKey[], retiredBefore: number): JWK[] {
  return keys.flatMap((key, i) => {
    const successorAddedAt = keys[i + 1]?.createdAt;
    return successorAddedAt !== undefined && successorAddedAt < retiredBefore ? [key.jwk] : [];
  });
}

/** Whether the newest of `keys` is due for replacing: added before `dueBefore`, or at an unknown time. */
export function isNewestBefore(keys: readonly SavedSigningKey[], dueBefore: number): boolean {
  const newest = keys.at(-1);
  return newest !== undefined && (newest.createdAt === undefined || newest.createdAt < dueBefore);
}
