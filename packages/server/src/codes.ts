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

/** HMAC-SHA256 of the code keyed with a per-code salt; the only form in which a code is stored. */
export function hashCode(code: string, salt: Buffer): Buffer {
  return createHmac('sha256', salt).update(code, 'utf8').digest();
}

/** Compares in constant time, so response timing does not reveal how much of a guess matched. */
export function codeMatches(candidate: string, salt: Buffer, storedHash: Buffer): boolean {
  const candidateHash = hashCode(candidate, salt);
  return candidateHash.length === storedHash.length && timingSafeEqual(candidateHash, storedHash);
}
