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
 * Adds a new signing key to `<dataDir>/keys.json` (creating the file if needed) and returns its
 * `kid`. Older keys stay in the JWKS, so tokens they signed keep verifying; servers sign with
 * the new key from their next start. The file is replaced atomically (temp file + rename).
 */
export async function rotateKeys(dataDir: string): Promise<{ kid: string; count: number }> {
  const key = await generateSigningJwk();
  const count = await new SigningKeysFile(dataDir).addKey(key);
  return { kid: key.kid!, count };
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
