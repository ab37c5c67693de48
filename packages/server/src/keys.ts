import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { SigningKeysFile } from './keys-file.js';
import type { SigningKeyStore } from './store/keys.js';

export const SIGNING_ALG = 'RS256';

/**
 * How often a running server reads its key set again, so a `--rotate-keys` (on any node, or
 * against the database) is signed with and served everywhere within a minute, without a restart.
 */
export const KEYS_RELOAD_INTERVAL_MS = 60_000;

/** The key that signs new tokens, and the public keys that verify them (the JWKS). */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** Public JWKs, newest last; `/.well-known/jwks.json` serves them. */
  jwks: { keys: JWK[] };
}

/**
 * Loads the RS256 keys saved in `<dataDir>/keys.json`, generating and saving a key pair (mode
 * 0600) on first start. The newest key signs; every saved key stays in the JWKS so tokens signed
 * before a rotation keep verifying.
 */
export async function loadOrCreateKeys(dataDir: string): Promise<SigningKeys> {
  const keysFile = new SigningKeysFile(dataDir);
  return loadOrCreateKeysIn(keysFile, keysFile.file);
}

/**
 * Loads the keys kept in `keyStore` (named `where` in errors), saving a new key pair first
 * when it has none. Of servers starting together on one key store, one key is kept and all use it.
 */
export async function loadOrCreateKeysIn(
  keyStore: SigningKeyStore,
  where: string,
): Promise<SigningKeys> {
  const saved = await keyStore.loadOrCreateKeys(generateSigningJwk);
  const current = saved.at(-1);
  if (!current?.kid) throw new Error(`${where}: no signing key`);
  const privateKey = await importJWK(current, SIGNING_ALG);
  if (!('type' in privateKey) || privateKey.type !== 'private') {
    throw new Error(`${where}: the newest key is not a private key`);
  }
  return { kid: current.kid, privateKey, jwks: { keys: saved.map(publicPart) } };
}

/**
 * The key set of a running server, read again from its key store every
 * {@link KEYS_RELOAD_INTERVAL_MS}: tokens are signed with `current()`'s newest key and its JWKS
 * is served, so every node follows a rotation made anywhere.
 */
export class SigningKeySet {
  #current: SigningKeys;
  readonly #load: () => Promise<SigningKeys>;
  #timer: NodeJS.Timeout | undefined;
  #reloading: Promise<void> | undefined;

  private constructor(first: SigningKeys, load: () => Promise<SigningKeys>) {
    this.#current = first;
    this.#load = load;
  }

  /** Loads `keyStore`'s keys (creating the first one if it has none); see {@link loadOrCreateKeysIn}. */
  static async open(keyStore: SigningKeyStore, where: string): Promise<SigningKeySet> {
    const load = () => loadOrCreateKeysIn(keyStore, where);
    return new SigningKeySet(await load(), load);
  }

  /** The keys to sign and verify with now. */
  current(): SigningKeys {
    return this.#current;
  }

  /**
   * Reads the key set again. An unchanged set keeps its object, so verifiers built from its
   * JWKS stay valid. A failed read keeps the old set: a store that is briefly unreachable must
   * not stop the server from signing.
   */
  async reload(onError: (error: Error) => void = () => {}): Promise<void> {
    try {
      const loaded = await this.#load();
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

function sameKids(a: SigningKeys, b: SigningKeys): boolean {
  const kids = (keys: SigningKeys) => keys.jwks.keys.map((key) => key.kid).join(' ');
  return kids(a) === kids(b);
}

/**
 * Adds a new signing key to `keyStore` and returns its `kid` and how many keys the JWKS now has.
 * Older keys stay in the JWKS, so tokens they signed keep verifying; running servers sign with
 * the new key from their next reload ({@link KEYS_RELOAD_INTERVAL_MS}).
 */
export async function addSigningKey(
  keyStore: SigningKeyStore,
): Promise<{ kid: string; count: number }> {
  const key = await generateSigningJwk();
  const count = await keyStore.addKey(key);
  return { kid: key.kid!, count };
}

/**
 * Adds a new signing key to `<dataDir>/keys.json` (creating the file if needed); see
 * {@link addSigningKey}. The file is replaced atomically (temp file + rename).
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
