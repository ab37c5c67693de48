import { createHmac, timingSafeEqual } from 'node:crypto';

/** Fills a buffer with `size` cryptographically secure random bytes (`crypto.randomBytes`). */
export type RandomSource = (size: number) => Buffer;

/**
 * A code of `length` decimal digits, uniform over 0…10^length−1: 48-bit random values at or above
 * the largest multiple of 10^length are drawn again, so no digit is favoured (no modulo bias).
 */
export function generateCode(random: RandomSource, length: number): string {
  const range = 10 ** length;
  const space = 2 ** 48;
  const limit = space - (space % range);
  for (;;) {
    const value = random(6).readUIntBE(0, 6);
    if (value < limit) return String(value % range).padStart(length, '0');
  }
}

/** Random bytes drawn per code, so that equal codes never share a hash. */
export const CODE_SALT_BYTES = 16;
/** The length of a code's hash (HMAC-SHA256). */
export const CODE_HASH_BYTES = 32;

/**
 * HMAC-SHA256, keyed with the server secret's code key, of the per-code salt followed by the
 * code: the only form in which a code is stored. The key lives outside the database, so a copy
 * of the database alone cannot be searched for the code (10^6 guesses take seconds when the
 * salt is the key). The salt has a fixed length, so salt and code cannot run into each other.
 */
export function hashCode(key: Buffer, salt: Buffer, code: string): Buffer {
  return createHmac('sha256', key).update(salt).update(code, 'utf8').digest();
}

/** Compares in constant time, so response timing does not reveal how much of a guess matched. */
export function codeMatches(
  key: Buffer,
  salt: Buffer,
  storedHash: Buffer,
  candidate: string,
): boolean {
  const candidateHash = hashCode(key, salt, candidate);
  return candidateHash.length === storedHash.length && timingSafeEqual(candidateHash, storedHash);
}
