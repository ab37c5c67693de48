import { hkdfSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreateFile } from './private-files.js';

/**
 * 32 random bytes (base64url, one line) kept beside the database, never in it: a copy of the
 * database alone gives away no code, because codes are HMACed and queued mail is encrypted with
 * keys derived from this secret. Its own file, so `--rotate-keys` (which rewrites keys.json)
 * never touches it.
 */
export const SERVER_SECRET_FILE = 'server-secret';

const SECRET_BYTES = 32;
/** AES-256 needs 32 bytes; the HMAC key is as long as SHA-256's output. */
const DERIVED_KEY_BYTES = 32;

// HKDF `info` labels: each key has one purpose, and knowing one tells nothing about the other.
const CODE_KEY_LABEL = 'passwordless-lock code hmac v1';
const MAIL_KEY_LABEL = 'passwordless-lock outbox aes-256-gcm v1';

/** Keys derived from the server secret, one per purpose (the secret itself is not kept). */
export interface ServerSecret {
  /** Keys the HMAC-SHA256 that a code is stored as (codes.ts). */
  codeKey: Buffer;
  /** AES-256-GCM key of the subject and bodies of mail waiting in the outbox (mail/outbox.ts). */
  mailKey: Buffer;
}

/**
 * Loads `<dataDir>/server-secret`, creating it (mode 0600) on first start; two servers starting
 * together on one data dir end up with the same secret.
 * @throws Error naming the file when it is not 32 bytes of base64url (corrupt or truncated).
 */
export async function loadOrCreateServerSecret(dataDir: string): Promise<ServerSecret> {
  const file = path.join(dataDir, SERVER_SECRET_FILE);
  const text = await readOrCreateFile(
    file,
    () => `${randomBytes(SECRET_BYTES).toString('base64url')}\n`,
  );
  const encoded = text.trim();
  const secret = Buffer.from(encoded, 'base64url');
  // Node's base64 decoder skips what it cannot read, so only a round trip proves the text intact.
  if (secret.length !== SECRET_BYTES || secret.toString('base64url') !== encoded) {
    throw new Error(
      `${file} is not a server secret (${SECRET_BYTES} bytes, base64url): restore it from a backup, or delete it to make a new one (pending codes and queued mail are then lost)`,
    );
  }
  return { codeKey: deriveKey(secret, CODE_KEY_LABEL), mailKey: deriveKey(secret, MAIL_KEY_LABEL) };
}

function deriveKey(secret: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), label, DERIVED_KEY_BYTES));
}
