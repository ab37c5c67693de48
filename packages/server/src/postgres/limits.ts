import type pg from 'pg';
import type {
  GuessBudget,
  Hit,
  HitCount,
  HitResult,
  RateCounterStore,
  SlotClaim,
} from '../store/limits.js';
import { withoutNulls } from '../store/record-tables.js';
import type { PostgresDatabase } from './database.js';

/** The guess budget of an email row at `@now`: what it held, plus what has refilled since. */
const BUDGET_NOW = `LEAST(@capacity::float8, email_guards.guesses
  + (@now::bigint - email_guards.guesses_at)::float8 / @refillMs::float8)`;
/** Whether the claim's email belongs to a blocked user: start reads it with the claim. */
const BLOCKED_USER = 'EXISTS (SELECT 1 FROM users WHERE users.email = @email AND users.blocked)';

const LIVE_HITS = `SELECT COALESCE(SUM(count), 0)::bigint AS count, MIN(expires_at) AS "firstExpiry"
  FROM rate_counters WHERE key = @key AND expires_at > @now::bigint`;

/** Rate counters in `rate_counters`, one row per `(key, slot)`. */
export class PostgresRateCounterStore implements RateCounterStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async takeHit(hit: Hit, limit: number): Promise<HitResult> {
    return this.#db.transaction(async (client): Promise<HitResult> => {
      const live = await lockedLiveHits(this.#db, client, hit);
      if (Number.isFinite(limit) && live.count >= limit) return { taken: false, ...live };
      await countHit(this.#db, client, hit);
      const firstExpiry = Math.min(live.firstExpiry ?? hit.expiresAt, hit.expiresAt);
      return { taken: true, count: live.count + 1, firstExpiry };
    });
  }

  async returnHit(key: string, slot: number): Promise<void> {
    await this.#db.run(
      'UPDATE rate_counters SET count = count - 1 WHERE key = @key AND slot = @slot AND count > 0',
      { key, slot },
    );
  }
}

/** The live counters of `key` at `now`, not locked: what a later count may no longer find. */
export async function liveHits(
  db: PostgresDatabase,
  { key, now }: Pick<Hit, 'key' | 'now'>,
): Promise<HitCount> {
  const [row] = await db.query<HitCount>(LIVE_HITS, { key, now });
  return withoutNulls(row!);
}

/**
 * The live counters of `hit.key`, locked until the transaction ends. The limit is a sum over
 * several rows, some not yet there, so no row lock can guard it: a transaction-scoped advisory
 * lock on the key makes racing takers (on any node) check and count one after another.
 */
export async function lockedLiveHits(
  db: PostgresDatabase,
  client: pg.PoolClient,
  hit: Hit,
): Promise<HitCount> {
  await db.query(
    "SELECT pg_advisory_xact_lock(hashtextextended('rate_counters:' || @key, 0))",
    { key: hit.key },
    client,
  );
  const [row] = await db.query<HitCount>(LIVE_HITS, hit, client);
  return withoutNulls(row!);
}

/** Adds `hit` to its counter, in the transaction that locked and checked it. */
export async function countHit(
  db: PostgresDatabase,
  client: pg.PoolClient,
  hit: Hit,
): Promise<void> {
  await db.query(
    `INSERT INTO rate_counters (key, slot, count, expires_at)
     VALUES (@key, @slot, 1, @expiresAt)
     ON CONFLICT (key, slot) DO UPDATE SET
       count = CASE WHEN rate_counters.expires_at > @now::bigint
               THEN rate_counters.count + 1 ELSE 1 END,
       expires_at = GREATEST(rate_counters.expires_at, excluded.expires_at)`,
    hit,
    client,
  );
}

/**
 * Claims the right to mail `email` a new code (start's transaction, store/start.ts): granted
 * only when the last code was sent at least `resendMs` ago and the guess budget holds a whole
 * guess. Says with the grant whether the email's user is blocked, or when to ask again.
 */
export async function claimCodeSlot(
  db: PostgresDatabase,
  client: pg.PoolClient,
  email: string,
  now: number,
  budget: GuessBudget,
): Promise<SlotClaim> {
  const [claimed] = await db.query<{ guesses: number; blocked: boolean }>(
    `INSERT INTO email_guards (email, guesses, guesses_at, last_code_at, expires_at)
     VALUES (@email, @capacity, @now, @now, @now::bigint + @keepMs::bigint)
     ON CONFLICT (email) DO UPDATE SET
       last_code_at = @now, expires_at = @now::bigint + @keepMs::bigint
       WHERE (email_guards.last_code_at IS NULL
              OR email_guards.last_code_at + @resendMs::bigint <= @now::bigint)
         AND ${BUDGET_NOW} >= 1
     RETURNING ${BUDGET_NOW} AS guesses, ${BLOCKED_USER} AS blocked`,
    { email, now, ...budget },
    client,
  );
  if (claimed) {
    return { claimed: true, guesses: Math.floor(claimed.guesses), blocked: claimed.blocked };
  }
  const guard = await emailGuard(db, email, client);
  return {
    claimed: false,
    retryAt: Math.max(
      (guard.lastCodeAt ?? 0) + budget.resendMs,
      guard.guessesAt + (1 - guard.guesses) * budget.refillMs,
    ),
  };
}

async function emailGuard(
  db: PostgresDatabase,
  email: string,
  client?: pg.PoolClient,
): Promise<{ guesses: number; guessesAt: number; lastCodeAt?: number }> {
  const [row] = await db.query<{ guesses: number; guessesAt: number; lastCodeAt: number }>(
    `SELECT guesses, guesses_at AS "guessesAt", last_code_at AS "lastCodeAt"
     FROM email_guards WHERE email = @email`,
    { email },
    client,
  );
  return withoutNulls(row!);
}
