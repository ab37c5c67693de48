import type {
  GuessBudget,
  Hit,
  HitCount,
  HitResult,
  RateCounterStore,
  SlotClaim,
} from '../store/limits.js';
import { withoutNulls, type SqliteDatabase } from './database.js';

/** The guess budget of an email row at `@now`: what it held, plus what has refilled since. */
const BUDGET_NOW = 'MIN(@capacity, guesses + (@now - guesses_at) * 1.0 / @refillMs)';
/** Whether the claim's email belongs to a blocked user: start reads it with the claim. */
const BLOCKED_USER = 'EXISTS (SELECT 1 FROM users WHERE users.email = @email AND users.blocked)';

/** Rate counters in `rate_counters`, one row per `(key, slot)`. */
export class SqliteRateCounterStore implements RateCounterStore {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  async takeHit(hit: Hit, limit: number): Promise<HitResult> {
    return this.#db.transaction((): HitResult => {
      const live = liveHits(this.#db, hit.key, hit.now);
      if (Number.isFinite(limit) && live.count >= limit) return { taken: false, ...live };
      countHit(this.#db, hit);
      const firstExpiry = Math.min(live.firstExpiry ?? hit.expiresAt, hit.expiresAt);
      return { taken: true, count: live.count + 1, firstExpiry };
    });
  }

  async returnHit(key: string, slot: number): Promise<void> {
    this.#db
      .statement(
        'UPDATE rate_counters SET count = count - 1 WHERE key = ? AND slot = ? AND count > 0',
      )
      .run(key, slot);
  }
}

/** The live counters of `key` at `now` (part of a transaction that checks a limit). */
export function liveHits(db: SqliteDatabase, key: string, now: number): HitCount {
  const row = db
    .statement(
      `SELECT COALESCE(SUM(count), 0) AS count, MIN(expires_at) AS firstExpiry
       FROM rate_counters WHERE key = ? AND expires_at > ?`,
    )
    .get(key, now) as HitCount;
  return withoutNulls(row);
}

/** Adds `hit` to its counter (in the transaction that checked the limit). */
export function countHit(db: SqliteDatabase, hit: Hit): void {
  db.statement(
    `INSERT INTO rate_counters (key, slot, count, expires_at) VALUES (@key, @slot, 1, @expiresAt)
     ON CONFLICT (key, slot) DO UPDATE SET
       count = CASE WHEN expires_at > @now THEN count + 1 ELSE 1 END,
       expires_at = MAX(expires_at, excluded.expires_at)`,
  ).run(hit);
}

/**
 * Claims the right to mail `email` a new code (start's transaction, store/start.ts): granted
 * only when the last code was sent at least `resendMs` ago and the guess budget holds a whole
 * guess. Says with the grant whether the email's user is blocked, or when to ask again.
 */
export function claimCodeSlot(
  db: SqliteDatabase,
  email: string,
  now: number,
  budget: GuessBudget,
): SlotClaim {
  const claimed = db
    .statement(
      `INSERT INTO email_guards (email, guesses, guesses_at, last_code_at, expires_at)
       VALUES (@email, @capacity, @now, @now, @now + @keepMs)
       ON CONFLICT (email) DO UPDATE SET last_code_at = @now, expires_at = @now + @keepMs
         WHERE (last_code_at IS NULL OR last_code_at + @resendMs <= @now)
           AND ${BUDGET_NOW} >= 1
       RETURNING ${BUDGET_NOW} AS guesses, ${BLOCKED_USER} AS blocked`,
    )
    .get({ email, now, ...budget }) as { guesses: number; blocked: number } | undefined;
  if (claimed) {
    return { claimed: true, guesses: Math.floor(claimed.guesses), blocked: claimed.blocked === 1 };
  }
  const guard = emailGuard(db, email);
  return {
    claimed: false,
    retryAt: Math.max(
      (guard.lastCodeAt ?? 0) + budget.resendMs,
      guard.guessesAt + (1 - guard.guesses) * budget.refillMs,
    ),
  };
}

function emailGuard(
  db: SqliteDatabase,
  email: string,
): { guesses: number; guessesAt: number; lastCodeAt?: number } {
  const row = db
    .statement(
      `SELECT guesses, guesses_at AS guessesAt, last_code_at AS lastCodeAt
       FROM email_guards WHERE email = ?`,
    )
    .get(email) as { guesses: number; guessesAt: number; lastCodeAt: number | null };
  return withoutNulls(row) as { guesses: number; guessesAt: number; lastCodeAt?: number };
}
