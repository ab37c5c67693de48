import {
  limitRefusal,
  LOGIN_STATEMENTS,
  loginReadParams,
  LOST_RACE,
  LostLoginRace,
  planLogin,
  toLimitState,
  toLoginState,
} from '../store/login-tables.js';
import type { LoginAttempt, LoginOutcome, LoginStore } from '../store/logins.js';
import { rowToUser } from '../store/user-tables.js';
import type { User } from '../store/users.js';
import type { PostgresDatabase } from './database.js';

/** The lock takeHit takes on a counter's key: attempts from one address count one at a time. */
const LOCK_ADDRESS = "SELECT pg_advisory_xact_lock(hashtextextended('rate_counters:' || @key, 0))";
/** Attempts on one email are decided one after another, on every node. */
const LOCK_EMAIL = "SELECT pg_advisory_xact_lock(hashtextextended('login:' || @email, 0))";

/**
 * A login in two short transactions. The first checks the lockout and the address's failures
 * and counts this one, under the address's lock, which it holds only that long: held for the
 * whole login, every login from one address (a NAT, a proxy) would queue for it, each holding
 * a pooled connection, until the pool ran dry for everything else. The second locks the email,
 * reads, compares and writes, then commits once (durable: `synchronous_commit`, which a new
 * user's `sub` needs). Unless the code was wrong, the address's count is then given back, on
 * its own: inside the login its row would stay locked until the login's commit.
 */
export class PostgresLoginStore implements LoginStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async attemptLogin(attempt: LoginAttempt): Promise<LoginOutcome> {
    const refusal = await this.#countAddressFailure(attempt);
    if (refusal) return refusal;
    const outcome = await this.#decide(attempt);
    // A lost race was no wrong guess either.
    if (outcome.outcome !== 'failed' || outcome === LOST_RACE) {
      await this.#db.run(LOGIN_STATEMENTS.uncountHit, attempt.addressFailure);
    }
    return outcome;
  }

  async #decide(attempt: LoginAttempt): Promise<LoginOutcome> {
    try {
      return await this.#db.transaction(async (client): Promise<LoginOutcome> => {
        await this.#db.query(LOCK_EMAIL, { email: attempt.email }, client);
        const [row] = await this.#db.query(LOGIN_STATEMENTS.read, loginReadParams(attempt), client);
        const { outcome, writes } = planLogin(attempt, toLoginState(row), true);
        let user: User | undefined;
        for (const { sql, params, expect } of writes) {
          if (expect === 'user') {
            user = rowToUser((await this.#db.query(sql, params, client))[0]);
          } else if ((await this.#db.run(sql, params, client)) === 0 && expect === 'change') {
            // A block or a newer start removed the code after it was read: undo every write.
            throw new LostLoginRace();
          }
        }
        return outcome.outcome === 'login' ? { ...outcome, user: user! } : outcome;
      });
    } catch (error) {
      if (error instanceof LostLoginRace) return LOST_RACE;
      throw error;
    }
  }

  async #countAddressFailure(attempt: LoginAttempt): Promise<LoginOutcome | undefined> {
    return this.#db.transaction(async (client) => {
      await this.#db.query(LOCK_ADDRESS, { key: attempt.addressFailure.key }, client);
      const [row] = await this.#db.query(
        LOGIN_STATEMENTS.readLimits,
        loginReadParams(attempt),
        client,
      );
      const refusal = limitRefusal(attempt, toLimitState(row));
      if (!refusal) await this.#db.run(LOGIN_STATEMENTS.countHit, attempt.addressFailure, client);
      return refusal;
    });
  }
}
