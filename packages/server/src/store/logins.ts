import type { PendingCode } from './codes.js';
import type { GuessBudget, Hit } from './limits.js';
import type { AccessTokenRecord } from './tokens.js';
import type { User } from './users.js';

/**
 * A code login's store work (login/verify.ts) as one transaction: the limits that refuse even
 * the right code, the comparison with the newest pending code, and what the outcome records.
 * Inside the transaction the limits are check-then-act, so a right code takes nothing it must
 * give back, while racing attempts (on any node) are still decided one after another: SQLite
 * takes the write lock before it reads; PostgreSQL counts the address's try first, in a short
 * transaction of its own, then locks the email.
 */
export interface LoginStore {
  /**
   * Refused without a comparison while the address is locked out of the email, once it has
   * failed `addressLimit` times in its window, or while the email's guess budget is empty and a
   * live code is pending. Otherwise {@link LoginAttempt.matches} is called once. A wrong guess
   * costs the live code one try (its last one kills it), the budget one guess and the address a
   * failure, and may complete a run that locks the address out. A right guess consumes the code
   * (single use), ends the address's run, fills the budget again and upserts the user; a new
   * user is durable when this resolves.
   */
  attemptLogin(attempt: LoginAttempt): Promise<LoginOutcome>;
}

export interface LoginAttempt {
  clientId: string;
  email: string;
  now: number;
  /** Refused while a live counter of `lockout.key` exists; a run that completes adds `lockout`. */
  lockout: Hit;
  /** The address's failures in a sliding window: refused once `addressLimit` are live. */
  addressFailure: Hit;
  addressLimit: number;
  /** The address's run of failures on this email: the `runLimit`th in a row locks it out. */
  runFailure: Hit;
  runLimit: number;
  budget: GuessBudget;
  /**
   * Compares the guess with the newest live code, or with nothing (`undefined`) at the same
   * cost, so timing does not tell whether a code is pending. Called inside the transaction.
   */
  matches(code: PendingCode | undefined): boolean;
  /** The `sub` a first login creates the user with. */
  newSub: string;
  /** Saved with a successful login of a user who is not blocked, for that user's `sub`. */
  accessToken?: Omit<AccessTokenRecord, 'sub' | 'audience'>;
}

/** Which limit refused an attempt before its comparison. */
export type LoginLimit = 'lockout' | 'address' | 'email';

export type LoginOutcome =
  | { outcome: 'login'; user: User; code: PendingCode }
  | { outcome: 'refused'; limit: LoginLimit; retryAt: number }
  | { outcome: 'failed'; reason: 'wrong_code' | 'expired' | 'too_many_attempts' };

/** What the transaction reads first, in one statement ({@link LOGIN_STATEMENTS}.read). */
export interface LoginState {
  lockout: { count: number; firstExpiry?: number };
  addressFailures: { count: number; firstExpiry?: number };
  runFailures: number;
  code?: PendingCode;
  guard?: { guesses: number; guessesAt: number };
}

/** One statement of a login's writes; the stores run them in order, in the transaction. */
export interface LoginWrite {
  sql: string;
  params: object;
  /**
   * `user`: returns the user's row. `change`: must change a row, else another request used the
   * code first and the whole transaction is undone (a lost race is a wrong code).
   */
  expect?: 'user' | 'change';
}

/** The decision on an attempt, from what was read: an outcome and the writes that record it. */
export type LoginPlan =
  | { outcome: Exclude<LoginOutcome, { outcome: 'login' }>; writes: LoginWrite[] }
  | { outcome: { outcome: 'login'; code: PendingCode }; writes: LoginWrite[] };
