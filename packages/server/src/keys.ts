import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
// jose's subpath modules: its index would load all of jose (JWE and the rest) at every start.
import type { JWK } from 'jose';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import { exportJWK } from 'jose/key/export';
import { generateKeyPair } from 'jose/key/generate/keypair';
import { rotateIfDue, type KeyRotation, type KeyRotationChange } from './key-rotation.js';
import { SigningKeysFile } from './keys-file.js';
import type { SavedSigningKey, SigningKeyStore } from './store/keys.js';

export const SIGNING_ALG = 'RS256';

/**
 * How often a running server reads its key set again, so a `--rotate-keys` (on any node, or
 * against the database) is signed with and served everywhere within a minute, without a restart.
 */
export const KEYS_RELOAD_INTERVAL_MS = 60_000;

/**
 * How long a new key is only served (in the JWKS) before it signs: two reload intervals, so by
 * the time a token signed with it exists, every node has reloaded and serves it, and a relying
 * party that fetches the JWKS from any node can verify that token.
 */
export function publishDelayMs(reloadIntervalMs: number): number {
  return 2 * reloadIntervalMs;
}

/** The key that signs new tokens, and the public keys that verify them (the JWKS). */
export interface SigningKeys {
  kid: string;
  privateKey: KeyObject;
  /** Public JWKs, newest last; `/.well-known/jwks.json` serves them. */
  jwks: { keys: JWK[] };
}

/**
 * Loads the RS256 keys saved in `<dataDir>/keys.json`, generating and saving a key pair (mode
 * 0600) on first start. The newest key signs; every saved key stays in the JWKS so tokens signed
 * before a rotation keep verifying.
 */
export async function loadOrCreateKeys(dataDir: string, now = Date.now()): Promise<SigningKeys> {
  const keysFile = new SigningKeysFile(dataDir);
  const saved = await keysFile.loadOrCreateKeys(generateSigningJwk, now);
  return signingKeysOf(saved, keysFile.file, Number.POSITIVE_INFINITY);
}

/**
 * The signing key and JWKS of `saved` (named `where` in errors): the newest key added at or
 * before `publishedBy` signs (a key without a time is old); when none is, the newest does (a
 * first key signs at once: no node serves an older set).
 */
function signingKeysOf(
  saved: readonly SavedSigningKey[],
  where: string,
  publishedBy: number,
): SigningKeys {
  const published = saved.filter((key) => (key.createdAt ?? 0) <= publishedBy);
  const current = (published.at(-1) ?? saved.at(-1))?.jwk;
  if (!current?.kid) throw new Error(`${where}: no signing key`);
  if (current.kty !== 'RSA' || typeof current.d !== 'string') {
    throw new Error(`${where}: the signing key ${current.kid} is not a private key`);
  }
  // Imported once per key set: importing costs more than a signature.
  const privateKey = createPrivateKey({ key: current as JsonWebKey, format: 'jwk' });
  return { kid: current.kid, privateKey, jwks: { keys: saved.map((key) => publicPart(key.jwk)) } };
}

export interface SigningKeySetOptions {
  /** Epoch milliseconds; default `Date.now`. Stamps added keys and drives rotation. */
  now?: () => number;
  /** Scheduled rotation (`keys.rotate_every_days`), done at each reload; default off. */
  rotation?: KeyRotation;
  /** Told when this node added or deleted keys by the schedule. */
  onRotated?: (change: KeyRotationChange) => void;
  /** How long a new key is served before it signs; default {@link publishDelayMs} of the default interval. */
  publishDelayMs?: number;
}

/**
 * The key set of a running server, read again from its key store every
 * {@link KEYS_RELOAD_INTERVAL_MS}: its JWKS is served, and tokens are signed with `current()`'s
 * newest key once that key has been served for {@link publishDelayMs}, so every node follows a
 * rotation made anywhere and no token is signed with a key some node does not serve yet. With a {@link KeyRotation}, each
 * reload first adds a key when the newest is due and drops keys whose tokens have all expired.
 */
export class SigningKeySet {
  #current: SigningKeys;
  #saved: readonly SavedSigningKey[];
  readonly #keyStore: SigningKeyStore;
  readonly #where: string;
  readonly #options: SigningKeySetOptions;
  #timer: NodeJS.Timeout | undefined;
  #reloading: Promise<void> | undefined;

  private constructor(
    keyStore: SigningKeyStore,
    where: string,
    options: SigningKeySetOptions,
    saved: readonly SavedSigningKey[],
    first: SigningKeys,
  ) {
    this.#keyStore = keyStore;
    this.#where = where;
    this.#options = options;
    this.#saved = saved;
    this.#current = first;
  }

  /**
   * Loads `keyStore`'s keys (named `where` in errors), saving a new key pair first when it has
   * none. Of servers starting together on one key store, one key is kept and all use it.
   */
  static async open(
    keyStore: SigningKeyStore,
    where: string,
    options: SigningKeySetOptions = {},
  ): Promise<SigningKeySet> {
    const now = options.now ?? Date.now;
    const saved = await keyStore.loadOrCreateKeys(generateSigningJwk, now());
    const first = signingKeysOf(saved, where, now() - publishDelayOf(options));
    return new SigningKeySet(keyStore, where, options, saved, first);
  }

  /** The keys to sign and verify with now. */
  current(): SigningKeys {
    return this.#current;
  }

  /**
   * Rotates if due, then reads the key set again, never creating a key: a set emptied while the
   * server runs is reported and the loaded keys are kept. An unchanged set keeps its object, so
   * verifiers built from its JWKS stay valid. A failed read keeps the old set too: a store that
   * is briefly unreachable must not stop the server from signing.
   */
  async reload(onError: (error: Error) => void = () => {}): Promise<void> {
    const { rotation, now = Date.now, onRotated } = this.#options;
    if (rotation) {
      await rotateIfDue(this.#keyStore, this.#saved, now(), rotation, generateSigningJwk).then(
        (change) => {
          if (change.added || change.dropped.length > 0) onRotated?.(change);
        },
        (error: Error) => onError(new Error(`${this.#where}: cannot rotate: ${error.message}`)),
      );
    }
    try {
      const saved = await this.#keyStore.loadKeys();
      if (saved.length === 0) throw new Error(`${this.#where}: no signing keys saved`);
      const loaded = signingKeysOf(saved, this.#where, now() - publishDelayOf(this.#options));
      this.#saved = saved;
      if (!sameKids(loaded, this.#current)) this.#current = loaded;
    } catch (error) {
      onError(error as Error);
    }
  }

  /** Reloads every `intervalMs` until {@link stop}; the timer does not keep the process alive. */
  startReloading(intervalMs = KEYS_RELOAD_INTERVAL_MS, onError?: (error: Error) => void): void {
    this.#timer = setInterval(() => {
      // One reload at a time: a slow store must not pile up reads.
      this.#reloading ??= this.reload(onError).finally(() => (this.#reloading = undefined));
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops reloading and waits for a reload in flight. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#reloading;
  }
}

function publishDelayOf(options: SigningKeySetOptions): number {
  return options.publishDelayMs ?? publishDelayMs(KEYS_RELOAD_INTERVAL_MS);
}

function sameKids(a: SigningKeys, b: SigningKeys): boolean {
  const kids = (keys: SigningKeys) => keys.jwks.keys.map((key) => key.kid).join(' ');
  return a.kid === b.kid && kids(a) === kids(b);
}

/**
 * Adds a new signing key to `keyStore` and returns its `kid` and how many keys the JWKS now has.
 * Older keys stay in the JWKS, so tokens they signed keep verifying; running servers sign with
 * the new key from their next reload ({@link KEYS_RELOAD_INTERVAL_MS}).
 */
export async function addSigningKey(
  keyStore: SigningKeyStore,
  now = Date.now(),
): Promise<{ kid: string; count: number }> {
  const key = await generateSigningJwk();
  const count = await keyStore.addKey(key, now);
  return { kid: key.kid!, count };
}

/**
 * Adds a new signing key to `<dataDir>/keys.json` (creating the file if needed); see
 * {@link addSigningKey}. The file is replaced atomically (temp file + rename) under its lock.
 */
export async function rotateKeys(dataDir: string): Promise<{ kid: string; count: number }> {
  return addSigningKey(new SigningKeysFile(dataDir));
}

async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' };
}

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg: alg ?? SIGNING_ALG, use: use ?? 'sig' };
}
