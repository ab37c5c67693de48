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

/**
 * Per email, across clients: the resend cooldown and the token bucket of wrong guesses (which a
 * login takes from and fills again: store/logins.ts).
 */
export interface EmailGuardStore {
  /**
   * Claims the right to mail a new code to `email` (any client): granted only when the last
   * code was sent at least `resendMs` ago and the email's guess budget holds one wrong guess.
   * Atomic. Returns how many whole guesses the budget holds and whether a user with this email
   * is blocked (read in the same statement, so a start costs no separate user lookup), or when
   * to ask again.
   */
  claimCodeSlot(email: string, now: number, budget: GuessBudget): Promise<SlotClaim>;
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

export type SlotClaim =
  { claimed: true; guesses: number; blocked: boolean } | { claimed: false; retryAt: number };
