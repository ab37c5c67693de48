import type { TransactionStorage } from '@passwordless-lock/client';

/**
 * Where a magic link's transaction waits: `localStorage`, because the link is usually opened from
 * the mail in another tab, which does not share `sessionStorage`. `undefined` (the client's
 * default) where storage is off: sandboxed frames, some privacy modes.
 */
export function transactionStorage(): TransactionStorage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
