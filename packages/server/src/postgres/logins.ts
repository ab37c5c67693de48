import {
  LOGIN_STATEMENTS,
  loginReadParams,
  LOST_RACE,
  LostLoginRace,
  planLogin,
  toLoginState,
} from '../store/login-tables.js';
import type { LoginAttempt, LoginOutcome, LoginStore } from '../store/logins.js';
import { rowToUser } from '../store/user-tables.js';
import type { User } from '../store/users.js';
import type { PostgresDatabase } from './database.js';

/**
 * Transaction-scoped locks on the address's failure counter (the key takeHit locks too) and on
 * the email, always in this order: attempts from one address, or on one email, are decided one
 * after another on every node, and each reads what the one before committed.
 */
const LOCK_ATTEMPT = `SELECT pg_advisory_xact_lock(hashtextextended('rate_counters:' || @addressKey, 0)),
  pg_advisory_xact_lock(hashtextextended('login:' || @email, 0))`;

/**
 * A login as one transaction: the locks, one read, the comparison, the writes, one commit
 * (durable: `synchronous_commit`, which a new user's `sub` needs).
 */
export class PostgresLoginStore implements LoginStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  async attemptLogin(attempt: LoginAttempt): Promise<LoginOutcome> {
    try {
      return await this.#db.transaction(async (client): Promise<LoginOutcome> => {
        const { email, addressFailure } = attempt;
        await this.#db.query(LOCK_ATTEMPT, { addressKey: addressFailure.key, email }, client);
        const [row] = await this.#db.query(LOGIN_STATEMENTS.read, loginReadParams(attempt), client);
        const { outcome, writes } = planLogin(attempt, toLoginState(row));
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
}
