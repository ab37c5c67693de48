import type { PendingCode } from './codes.js';
import type { Hit } from './limits.js';
import type { LoginAttempt, LoginOutcome, LoginPlan, LoginState, LoginWrite } from './logins.js';
import { withoutNulls } from './record-tables.js';
import { USER_STATEMENTS } from './user-tables.js';

/**
 * A code login in SQL, the same statements for SQLite and PostgreSQL (named parameters, typed
 * by the columns they meet), and the decision between its read and its writes, written once for
 * both stores: each only runs {@link LOGIN_STATEMENTS.read}, then {@link planLogin}'s writes.
 */
export const LOGIN_STATEMENTS = {
  /** Everything an attempt is decided on, in one row: its counters, code and guess budget. */
  read: `SELECT c.id, c.client_id AS "clientId", c.email, c.code_hash AS "codeHash", c.salt,
      c.created_at AS "createdAt", c.expires_at AS "expiresAt", c.attempts,
      c.max_attempts AS "maxAttempts", c.link_params AS "linkParams", c.nonce,
      g.guesses, g.guesses_at AS "guessesAt",
      ${liveCounters('lockout')}, ${liveCounters('address')},
      (SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM rate_counters
        WHERE key = @runKey AND expires_at > @now) AS "runCount"
    FROM (SELECT 1 AS attempt) AS attempt
    LEFT JOIN pending_codes AS c ON c.client_id = @clientId AND c.email = @email
    LEFT JOIN email_guards AS g ON g.email = @email`,
  /** The limits that refuse before a comparison, for an address counted ahead (PostgreSQL). */
  readLimits: `SELECT ${liveCounters('lockout')}, ${liveCounters('address')}`,
  /** One more in counter `(key, slot)`; a counter found expired starts again from one. */
  countHit: `INSERT INTO rate_counters (key, slot, count, expires_at)
    VALUES (@key, @slot, 1, @expiresAt)
    ON CONFLICT (key, slot) DO UPDATE SET
      count = CASE WHEN rate_counters.expires_at > @now THEN rate_counters.count + 1 ELSE 1 END,
      expires_at = CASE WHEN excluded.expires_at > rate_counters.expires_at
        THEN excluded.expires_at ELSE rate_counters.expires_at END`,
  /** Takes back one counted by {@link LOGIN_STATEMENTS.countHit}. */
  uncountHit:
    'UPDATE rate_counters SET count = count - 1 WHERE key = @key AND slot = @slot AND count > 0',
  clearCounters: 'DELETE FROM rate_counters WHERE key = @key',
  /** The email's budget as decided: one guess fewer after a wrong one, full after a login. */
  setGuesses: `INSERT INTO email_guards (email, guesses, guesses_at, last_code_at, expires_at)
    VALUES (@email, @guesses, @now, NULL, @expiresAt)
    ON CONFLICT (email) DO UPDATE SET guesses = excluded.guesses,
      guesses_at = excluded.guesses_at, expires_at = excluded.expires_at`,
  countAttempt: 'UPDATE pending_codes SET attempts = attempts + 1 WHERE id = @id',
  deleteCode: 'DELETE FROM pending_codes WHERE id = @id',
  /** The opaque access token, for the user the login just upserted, unless it is blocked. */
  saveAccessToken: `INSERT INTO access_tokens
      (token_hash, sub, client_id, scope, audience, expires_at)
    SELECT @tokenHash, sub, @clientId, @scope, NULL, CAST(@expiresAt AS BIGINT)
    FROM users WHERE email = @email AND NOT blocked`,
};

function liveCounters(name: 'lockout' | 'address'): string {
  const live = `FROM rate_counters WHERE key = @${name}Key AND expires_at > @now`;
  return `(SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) ${live}) AS "${name}Count",
    (SELECT MIN(expires_at) ${live}) AS "${name}Expiry"`;
}

/** The parameters of {@link LOGIN_STATEMENTS.read}. */
export function loginReadParams(attempt: LoginAttempt): object {
  return {
    clientId: attempt.clientId,
    email: attempt.email,
    now: attempt.now,
    lockoutKey: attempt.lockout.key,
    addressKey: attempt.addressFailure.key,
    runKey: attempt.runFailure.key,
  };
}

type ReadRow = { [K in keyof PendingCode]-?: PendingCode[K] | null } & {
  guesses: number | null;
  guessesAt: number | null;
  lockoutCount: number;
  lockoutExpiry: number | null;
  addressCount: number;
  addressExpiry: number | null;
  runCount: number;
};

/** The row of {@link LOGIN_STATEMENTS.read} as a {@link LoginState}. */
export function toLoginState(row: unknown): LoginState {
  const {
    guesses,
    guessesAt,
    lockoutCount,
    lockoutExpiry,
    addressCount,
    addressExpiry,
    runCount,
    ...code
  } = row as ReadRow;
  const state: LoginState = {
    ...toLimitState({ lockoutCount, lockoutExpiry, addressCount, addressExpiry }),
    runFailures: runCount,
  };
  // Without a pending code, its columns are all NULL (the LEFT JOIN found no row).
  if (code.id !== null) state.code = withoutNulls(code) as PendingCode;
  if (guesses !== null && guessesAt !== null) state.guard = { guesses, guessesAt };
  return state;
}

type LimitState = Pick<LoginState, 'lockout' | 'addressFailures'>;

/** The row of {@link LOGIN_STATEMENTS.readLimits}. */
export function toLimitState(row: unknown): LimitState {
  const read = row as Pick<
    ReadRow,
    'lockoutCount' | 'lockoutExpiry' | 'addressCount' | 'addressExpiry'
  >;
  const counters = (count: number, firstExpiry: number | null) =>
    firstExpiry === null ? { count } : { count, firstExpiry };
  return {
    lockout: counters(read.lockoutCount, read.lockoutExpiry),
    addressFailures: counters(read.addressCount, read.addressExpiry),
  };
}

/**
 * The limits that refuse even the right code before anything else is read: this address locked
 * out of this email, or (unless it was already counted) failing too often across emails.
 */
export function limitRefusal(
  attempt: LoginAttempt,
  state: LimitState,
  addressCounted = false,
): Extract<LoginOutcome, { outcome: 'refused' }> | undefined {
  if (state.lockout.count > 0) {
    return { outcome: 'refused', limit: 'lockout', retryAt: state.lockout.firstExpiry! };
  }
  if (!addressCounted && state.addressFailures.count >= attempt.addressLimit) {
    return { outcome: 'refused', limit: 'address', retryAt: state.addressFailures.firstExpiry! };
  }
  return undefined;
}

/** A login's write that found its code gone: another request used it first. */
export class LostLoginRace extends Error {
  override readonly name = 'LostLoginRace';
}
export const LOST_RACE: LoginOutcome = { outcome: 'failed', reason: 'wrong_code' };

/**
 * Decides an attempt on what the transaction read, calling `attempt.matches` unless a limit
 * refuses first, and lists the writes that record it. Their order is the order rows are locked
 * in: the user before its code (as block does) and the budget before the code (as start does),
 * so that on PostgreSQL no two of these transactions wait on each other in a circle.
 * `addressCounted`: the address's failure was checked and counted before the transaction
 * (PostgreSQL); the store gives it back unless the outcome is a failure.
 */
export function planLogin(
  attempt: LoginAttempt,
  state: LoginState,
  addressCounted = false,
): LoginPlan {
  const { now, email, budget } = attempt;
  const refusal = limitRefusal(attempt, state, addressCounted);
  if (refusal) return { outcome: refusal, writes: [] };
  const pending = state.code;
  const code = pending && pending.expiresAt > now ? pending : undefined;
  const guard = state.guard;
  const guesses = guard
    ? Math.min(budget.capacity, guard.guesses + (now - guard.guessesAt) / budget.refillMs)
    : budget.capacity;
  if (code && guesses < 1) {
    const retryAt = guard!.guessesAt + (1 - guard!.guesses) * budget.refillMs;
    return { outcome: { outcome: 'refused', limit: 'email', retryAt }, writes: [] };
  }
  const setGuesses = (value: number): LoginWrite => ({
    sql: LOGIN_STATEMENTS.setGuesses,
    params: { email, guesses: value, now, expiresAt: now + budget.keepMs },
  });
  const deleteCode = (id: string): LoginWrite => ({
    sql: LOGIN_STATEMENTS.deleteCode,
    params: { id },
  });
  const clearRun: LoginWrite = {
    sql: LOGIN_STATEMENTS.clearCounters,
    params: { key: attempt.runFailure.key },
  };

  if (attempt.matches(code) && code) {
    const writes: LoginWrite[] = [
      {
        sql: USER_STATEMENTS.upsertOnLogin,
        params: { newSub: attempt.newSub, email, at: now },
        expect: 'user',
      },
    ];
    if (guard && guesses < budget.capacity) writes.push(setGuesses(budget.capacity));
    writes.push({ ...deleteCode(code.id), expect: 'change' });
    if (state.runFailures > 0) writes.push(clearRun);
    if (attempt.accessToken) {
      writes.push({
        sql: LOGIN_STATEMENTS.saveAccessToken,
        params: { ...attempt.accessToken, email },
      });
    }
    return { outcome: { outcome: 'login', code }, writes };
  }

  const writes: LoginWrite[] = [];
  const lastTry = code !== undefined && code.attempts + 1 >= code.maxAttempts;
  if (code) {
    writes.push(setGuesses(guesses - 1));
    writes.push(
      lastTry
        ? deleteCode(code.id)
        : { sql: LOGIN_STATEMENTS.countAttempt, params: { id: code.id } },
    );
  }
  if (!addressCounted) writes.push(countHit(attempt.addressFailure));
  if (state.runFailures + 1 >= attempt.runLimit) writes.push(countHit(attempt.lockout), clearRun);
  else writes.push(countHit(attempt.runFailure));
  const reason = pending && !code ? 'expired' : lastTry ? 'too_many_attempts' : 'wrong_code';
  return { outcome: { outcome: 'failed', reason }, writes };
}

function countHit(hit: Hit): LoginWrite {
  return { sql: LOGIN_STATEMENTS.countHit, params: hit };
}
