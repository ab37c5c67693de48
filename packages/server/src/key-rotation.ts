import type { ServerConfig } from './config.js';
import { publishDelayMs } from './keys.js';
import {
  isNewestBefore,
  retiredKeys,
  type SavedSigningKey,
  type SigningKeyStore,
} from './store/keys.js';
import type { JWK } from 'jose';

const DAY_MS = 86_400_000;
/** The clock skew verifiers allow on `exp` (our client's leeway): a token lives this much longer. */
const VERIFIER_LEEWAY_MS = 60_000;

/** `keys.rotate_every_days`: when a new key is added, and how long a replaced key stays. */
export interface KeyRotation {
  /** A node whose newest key is older than this adds a new one. */
  everyMs: number;
  /**
   * A key is dropped once its successor has been signing for this long: by then every token the
   * old key signed has expired, on every node.
   */
  keepRetiredMs: number;
}

/**
 * The rotation `config` asks for, or `undefined` (off). A replaced key keeps signing until its
 * successor has been published ({@link publishDelayMs}) and every node has reloaded once more
 * (`reloadIntervalMs`), and the tokens it signed live as long as the longest id or access token
 * lifetime, plus the verifiers' leeway.
 */
export function keyRotationFor(
  config: ServerConfig,
  reloadIntervalMs: number,
): KeyRotation | undefined {
  if (config.keys.rotateEveryDays === false) return undefined;
  const longestTokenS = Math.max(
    config.lifetimes.idTokenS,
    config.lifetimes.accessTokenS,
    ...config.apis.map((api) => api.accessTokenLifetimeS),
  );
  return {
    everyMs: config.keys.rotateEveryDays * DAY_MS,
    keepRetiredMs:
      publishDelayMs(reloadIntervalMs) +
      reloadIntervalMs +
      longestTokenS * 1000 +
      VERIFIER_LEEWAY_MS,
  };
}

/** What one node changed in the key set at one step of rotation (for the log). */
export interface KeyRotationChange {
  /** The `kid` this node added. */
  added?: string;
  /** The `kid`s this node deleted. */
  dropped: string[];
}

/**
 * One step of scheduled rotation at `now`, judged first on `saved` (the set last loaded) so a
 * node generates an RSA pair only when one looks due: adds `createKey()`'s key if the newest is
 * older than {@link KeyRotation.everyMs}, and drops keys retired for longer than
 * {@link KeyRotation.keepRetiredMs}. The store decides atomically, so of nodes doing this at
 * once, one adds a key and one deletes the old ones.
 */
export async function rotateIfDue(
  keyStore: SigningKeyStore,
  saved: readonly SavedSigningKey[],
  now: number,
  rotation: KeyRotation,
  createKey: () => Promise<JWK>,
): Promise<KeyRotationChange> {
  const retiredBefore = now - rotation.keepRetiredMs;
  const dropped =
    retiredKeys(saved, retiredBefore).length > 0
      ? await keyStore.dropKeysRetiredBefore(retiredBefore)
      : [];
  const dueBefore = now - rotation.everyMs;
  if (!isNewestBefore(saved, dueBefore)) return { dropped };
  const key = await createKey();
  const added = await keyStore.addKeyIfNewestBefore(key, now, dueBefore);
  return added ? { added: key.kid!, dropped } : { dropped };
}
