import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreateFile } from './private-files.js';
import type { ServerSecretCheck } from './store/server-secret.js';

/**
 * 32 random bytes (base64url, one line) kept beside the database, never in it: a copy of the
 * database alone gives away no code, because codes are HMACed and queued mail is encrypted with
 * keys derived from this secret. Its own file, so `--rotate-keys` (which rewrites keys.json)
 * never touches it.
 */
export const SERVER_SECRET_FILE = 'server-secret';
/** The environment variable that, when set, is the secret instead of the file (cli.ts). */
export const SERVER_SECRET_VARIABLE = 'PL_SERVER_SECRET';

const SECRET_BYTES = 32;
/** What a server secret is, as errors about a bad one say. */
export const SERVER_SECRET_FORMAT = `${SECRET_BYTES} bytes, base64url`;
/** AES-256 needs 32 bytes; the HMAC key is as long as SHA-256's output. */
const DERIVED_KEY_BYTES = 32;

// HKDF `info` labels: each key has one purpose, and knowing one tells nothing about the other.
const CODE_KEY_LABEL = 'passwordless-lock code hmac v1';
const MAIL_KEY_LABEL = 'passwordless-lock outbox aes-256-gcm v1';
const FORM_KEY_LABEL = 'passwordless-lock confirm form hmac v1';
const FINGERPRINT_KEY_LABEL = 'passwordless-lock secret fingerprint hmac v1';
/** What the fingerprint key MACs: a fixed text, so one secret always has one fingerprint. */
const FINGERPRINT_MESSAGE = 'passwordless-lock server secret fingerprint';

/** Keys derived from the server secret, one per purpose (the secret itself is not kept). */
export interface ServerSecret {
  /** Keys the HMAC-SHA256 that a code is stored as (codes.ts). */
  codeKey: Buffer;
  /** AES-256-GCM key of the subject and bodies of mail waiting in the outbox (mail/outbox.ts). */
  mailKey: Buffer;
  /** Keys the HMAC that binds a magic link's confirm form to its code (login/form-token.ts). */
  formKey: Buffer;
  /**
   * Names the secret in the database (store/server-secret.ts) without revealing it: an HMAC of
   * a fixed text under a key of its own, so it tells nothing about the secret or the other keys.
   */
  fingerprint: string;
}

/** The server secret, and where it came from. */
export interface LoadedServerSecret {
  secret: ServerSecret;
  /** The file's path, or {@link SERVER_SECRET_VARIABLE}: said when the check refuses. */
  source: string;
  /** This call created the file: there was none (first start, or deleted to make a new one). */
  created: boolean;
}

/** The 32 bytes that `text` (base64url, surrounding whitespace ignored) holds, if it is a secret. */
export function decodeServerSecret(text: string): Buffer | undefined {
  const encoded = text.trim();
  const secret = Buffer.from(encoded, 'base64url');
  // Node's base64 decoder skips what it cannot read, so only a round trip proves the text intact.
  return secret.length === SECRET_BYTES && secret.toString('base64url') === encoded
    ? secret
    : undefined;
}

/**
 * The secret given in the environment (already checked by config.ts), else
 * `<dataDir>/server-secret`, created (mode 0600) on first start; two servers starting together
 * on one data dir end up with the same secret.
 * @throws Error naming the file when it is not 32 bytes of base64url (corrupt or truncated).
 */
export async function loadServerSecret(
  dataDir: string,
  fromEnvironment?: Buffer,
): Promise<LoadedServerSecret> {
  if (fromEnvironment) {
    return { secret: deriveKeys(fromEnvironment), source: SERVER_SECRET_VARIABLE, created: false };
  }
  const file = path.join(dataDir, SERVER_SECRET_FILE);
  const fresh = `${randomBytes(SECRET_BYTES).toString('base64url')}\n`;
  const text = await readOrCreateFile(file, () => fresh);
  const secret = decodeServerSecret(text);
  if (!secret) {
    throw new Error(
      `${file} is not a server secret (${SERVER_SECRET_FORMAT}): restore it from a backup, or delete it to make a new one (pending codes and queued mail are then lost)`,
    );
  }
  // 32 random bytes: only the file this call wrote can hold the text it generated.
  return { secret: deriveKeys(secret), source: file, created: text === fresh };
}

/** This node's server secret is not the one the database was used with. */
export class ServerSecretMismatchError extends Error {
  override readonly name = 'ServerSecretMismatchError';
}

/**
 * Compares the secret with the fingerprint the database records, recording it when there is
 * none. With `replaceable` (a database no other node shares) a secret file created just now
 * replaces the recorded one: deleting the file is the documented way to make a new secret.
 * @throws ServerSecretMismatchError when the database was used with another secret.
 */
export async function checkServerSecret(
  store: ServerSecretCheck,
  loaded: LoadedServerSecret,
  replaceable: boolean,
): Promise<void> {
  const { fingerprint } = loaded.secret;
  if (loaded.created && replaceable) return store.replaceSecretFingerprint(fingerprint);
  if ((await store.recordSecretFingerprint(fingerprint)) === fingerprint) return;
  throw new ServerSecretMismatchError(
    `this node's server secret (${loaded.source}) differs from the one the database was used with: copy ${SERVER_SECRET_FILE} from another node's data dir, or set ${SERVER_SECRET_VARIABLE} to that secret`,
  );
}

function deriveKeys(secret: Buffer): ServerSecret {
  const fingerprintKey = deriveKey(secret, FINGERPRINT_KEY_LABEL);
  return {
    codeKey: deriveKey(secret, CODE_KEY_LABEL),
    mailKey: deriveKey(secret, MAIL_KEY_LABEL),
    formKey: deriveKey(secret, FORM_KEY_LABEL),
    fingerprint: createHmac('sha256', fingerprintKey)
      .update(FINGERPRINT_MESSAGE)
      .digest('base64url'),
  };
}

function deriveKey(secret: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, DERIVED_KEY_BYTES));
}
