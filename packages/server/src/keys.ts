import path from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { readFileIfExists, readOrCreateFile, replaceFile } from './private-files.js';

export const KEYS_FILE = 'keys.json';
export const SIGNING_ALG = 'RS256';

/** The key that signs new tokens, and the public keys that verify them (the JWKS). */
export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** Public JWKs, newest last; `/.well-known/jwks.json` serves them. */
  jwks: { keys: JWK[] };
}

interface KeysFile {
  keys: JWK[];
}

/**
 * Loads the RS256 keys saved in `<dataDir>/keys.json`, generating and saving a key pair (mode
 * 0600) on first start. The newest key signs; every saved key stays in the JWKS so tokens signed
 * before a rotation keep verifying.
 */
export async function loadOrCreateKeys(dataDir: string): Promise<SigningKeys> {
  const file = path.join(dataDir, KEYS_FILE);
  // Of two servers starting together on one data dir, one creates the file and both use its key.
  const text = await readOrCreateFile(file, async () =>
    keysFileText({ keys: [await generateSigningJwk()] }),
  );
  const saved = parseKeysFile(file, text);
  const current = saved.keys.at(-1);
  if (!current?.kid) throw new Error(`${file}: no signing key`);
  const privateKey = await importJWK(current, SIGNING_ALG);
  if (!('type' in privateKey) || privateKey.type !== 'private') {
    throw new Error(`${file}: the newest key is not a private key`);
  }
  return { kid: current.kid, privateKey, jwks: { keys: saved.keys.map(publicPart) } };
}

/**
 * Adds a new signing key to `<dataDir>/keys.json` (creating the file if needed) and returns its
 * `kid`. Older keys stay in the JWKS, so tokens they signed keep verifying; servers sign with
 * the new key from their next start. The file is replaced atomically (temp file + rename).
 */
export async function rotateKeys(dataDir: string): Promise<{ kid: string; count: number }> {
  const file = path.join(dataDir, KEYS_FILE);
  const text = await readFileIfExists(file);
  const saved = text === undefined ? { keys: [] } : parseKeysFile(file, text);
  const key = await generateSigningJwk();
  const next = { keys: [...saved.keys, key] };
  await replaceFile(file, keysFileText(next));
  return { kid: key.kid!, count: next.keys.length };
}

async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' };
}

function parseKeysFile(file: string, text: string): KeysFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file}: not valid JSON`);
  }
  const keys = (parsed as Partial<KeysFile> | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error(`${file}: no "keys" array`);
  return { keys };
}

/** The file's text. It holds private keys, so it is only written 0600 (private-files.ts). */
function keysFileText(keys: KeysFile): string {
  return `${JSON.stringify(keys, null, 2)}\n`;
}

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg: alg ?? SIGNING_ALG, use: use ?? 'sig' };
}
