import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

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
  let saved = await readKeysFile(file);
  if (!saved) {
    saved = { keys: [await generateSigningJwk()] };
    saved = await writeKeysFileOnce(file, saved);
  }
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
  const saved = (await readKeysFile(file)) ?? { keys: [] };
  const key = await generateSigningJwk();
  const next = { keys: [...saved.keys, key] };
  await fs.rename(await writeTempKeysFile(file, next), file);
  return { kid: key.kid!, count: next.keys.length };
}

async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: SIGNING_ALG, use: 'sig' };
}

async function readKeysFile(file: string): Promise<KeysFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
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

/**
 * Writes the file atomically (temp file + hard link, which fails if it exists), so a reader never
 * sees half a file and two servers starting together agree on one key.
 */
async function writeKeysFileOnce(file: string, keys: KeysFile): Promise<KeysFile> {
  const temp = await writeTempKeysFile(file, keys);
  try {
    await fs.link(temp, file);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readKeysFile(file);
    if (!winner) throw error;
    return winner;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Writes `keys` (mode 0600, private keys included) to a new temp file beside `file`. */
async function writeTempKeysFile(file: string, keys: KeysFile): Promise<string> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return temp;
}

function publicPart(jwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = jwk;
  return { kty, n, e, kid, alg: alg ?? SIGNING_ALG, use: use ?? 'sig' };
}
