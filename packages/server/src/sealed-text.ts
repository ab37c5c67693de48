import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const CIPHER = 'aes-256-gcm';
/**
 * GCM's standard 96-bit nonce, random per message: safe for 2^32 messages under one key, which
 * at three fields a mail is over a billion mails per server secret.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Names the format, so a later one can be told apart (and plain text from before is refused). */
const PREFIX = 'v1.';

/**
 * Encrypts and authenticates `plaintext` with AES-256-GCM under `key`, bound to `context` (the
 * additional data: a sealed value cannot be moved to another field or record that names another
 * context). Returns text safe to store in a TEXT column.
 */
export function sealText(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

/**
 * The plaintext that {@link sealText} sealed.
 * @throws Error when the key or the context differ, or the text was changed or is not sealed.
 */
export function openSealedText(key: Buffer, sealed: string, context: string): string {
  if (!sealed.startsWith(PREFIX)) throw new Error('not sealed text');
  const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('sealed text too short');
  const decipher = createDecipheriv(CIPHER, key, bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
