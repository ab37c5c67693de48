/**
 * What rate-limits.ts counts with. Every method that checks and counts is one atomic step, so
 * racing requests (and, with a shared database, other processes) never both pass a limit that
 * had room for one. Times are epoch milliseconds, always passed in.
 */

/** Counters in time slots: sliding windows, failure runs and lockouts are sums of them. */
export interface RateCounterStore {
  /**
   * Adds one to the counter `(key, slot)` unless the live counters of `key` (those whose
   * `expiresAt` is after `now`) already add up to `limit`: one atomic check-and-count. A counter
   * found expired starts again from one.
   */
  takeHit(hit: Hit, limit: number): Promise<HitResult>;
  /** Takes back one hit counted by {@link takeHit} (a start refused after it was counted). */
  returnHit(key: string, slot: number): Promise<void>;
}

/** One counted event: counter `slot` of `key`, alive until `expiresAt`. */
export interface Hit {
  key: string;
  slot: number;
  expiresAt: number;
  now: number;
}

export interface HitResult {
  taken: boolean;
  /** The live sum after this hit (before it, when it was not taken). */
  count: number;
  /** When the earliest live counter of the key expires. */
  firstExpiry?: number;
}

/** The live counters of a key: their sum and the earliest expiry among them. */
export interface HitCount {
  count: number;
  firstExpiry?: number;
}

/**
 * A per-email token bucket of wrong guesses: `capacity` at most, one more every `refillMs`.
 * `resendMs` is the minimum time between two codes mailed to the email.
 */
export interface GuessBudget {
  capacity: number;
  refillMs: number;
  resendMs: number;
  /** When an untouched record may be pruned, counted from its last change. */
  keepMs: number;
}

/** A start's claim of the email's next code: its whole guesses and whether its user is blocked. */
export type SlotClaim =
  { claimed: true; guesses: number; blocked: boolean } | { claimed: false; retryAt: number };
