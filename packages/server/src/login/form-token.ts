import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RandomSource } from '../codes.js';
import type { PendingCode } from '../store.js';

const NONCE_BYTES = 16;
const MAC_BYTES = 32;
/** A form token's length in base64url characters. */
export const FORM_TOKEN_LENGTH = Math.ceil(((NONCE_BYTES + MAC_BYTES) * 4) / 3);

/**
 * The one-time token of a magic link's confirm page: a random nonce and an HMAC (keyed with the
 * server secret's form key) of the nonce, the pending code's id and its expiry. Bound to the code
 * rather than stored, so it needs no table and works on every node that shares the secret; it
 * is single use because the code is: once the POST spends the code (or a newer code replaces
 * it, or it expires), no token made for it verifies again. With no code pending the token is
 * random bytes of the same shape, so the page does not tell whether a link is waiting.
 */
export function issueFormToken(
  key: Buffer,
  random: RandomSource,
  code: Pick<PendingCode, 'id' | 'expiresAt'> | undefined,
): string {
  const nonce = random(NONCE_BYTES);
  const mac = code ? formMac(key, nonce, code) : random(MAC_BYTES);
  return Buffer.concat([nonce, mac]).toString('base64url');
}

/** Whether `token` was issued for `code` (constant-time); false for any malformed token. */
export function formTokenMatches(
  key: Buffer,
  code: Pick<PendingCode, 'id' | 'expiresAt'> | undefined,
  token: string | undefined,
): boolean {
  if (!code || token?.length !== FORM_TOKEN_LENGTH) return false;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== NONCE_BYTES + MAC_BYTES) return false;
  const expected = formMac(key, bytes.subarray(0, NONCE_BYTES), code);
  return timingSafeEqual(expected, bytes.subarray(NONCE_BYTES));
}

function formMac(key: Buffer, nonce: Buffer, code: Pick<PendingCode, 'id' | 'expiresAt'>): Buffer {
  // Fixed-length nonce first, then fields that hold no NUL: the parts cannot run into each other.
  return createHmac('sha256', key)
    .update(nonce)
    .update(`${code.id}\0${code.expiresAt}`, 'utf8')
    .digest();
}
